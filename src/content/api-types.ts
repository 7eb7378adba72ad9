import type { Photo, Story, Topic } from "@/content/schema";

/**
 * Shapes of the static JSON API under /api/ (DESIGN.md). The pipeline emits them; the client
 * reads them. Summaries carry only what a card needs so a feed page stays small.
 */

export type StorySummary = Pick<
  Story,
  "id" | "headline" | "summary" | "topics" | "publishedAt" | "updatedAt" | "sample" | "photo"
> & { lang: string };

/** A link to another story: enough for "Next story: <headline>". */
export type StoryLink = Pick<StorySummary, "id" | "headline" | "lang">;

export type FeedPage = {
  feed: string;
  title: string;
  page: number;
  pageCount: number;
  total: number;
  stories: StorySummary[];
};

export type StoryPage = {
  story: Story & { lang: string };
  /** Neighbours in the Breaking News order (newest first): previous is newer, next is older. */
  previous: StoryLink | null;
  next: StoryLink | null;
  /** Up to three other stories sharing the story's first topic, newest first. */
  related: StorySummary[];
};

export type StoryList = { stories: StoryLink[] };

export type { Photo, Topic };
export const FEED_PAGE_SIZE = 10;

/** Where each file of the API lives, from the site root: the client fetches these, the emit stage writes them. */
export const API_PATHS = {
  topics: "/api/topics.json",
  breaking: "/api/breaking.json",
  specialReports: "/api/special-reports.json",
  feedPage: (feed: string, page: number) => `/api/feeds/${feed}/${page}.json`,
  story: (id: string) => `/api/stories/${id}.json`,
} as const;
export const BREAKING_FEED = "breaking-news";
