import { useParams } from "react-router";
import { BREAKING_FEED } from "@/content/api-types";
import { FeedView } from "@/features/feed/feed-view";

export function BreakingNewsFeed() {
  return <FeedView feed={BREAKING_FEED} />;
}

export function TopicFeed() {
  const { slug = "" } = useParams();
  // A new key per topic: Load more state and focus targets never leak between feeds.
  return <FeedView key={slug} feed={slug} />;
}
