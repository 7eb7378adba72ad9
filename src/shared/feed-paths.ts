import { BREAKING_FEED } from "@/content/api-types";

/**
 * Where the build writes each listing's feeds (scripts/syndication) and where pages point
 * their `<link rel="alternate">` at: one table for both.
 */
export const FEED_FORMATS = [
  { format: "rss", type: "application/rss+xml", label: "RSS", file: "rss.xml" },
  { format: "atom", type: "application/atom+xml", label: "Atom", file: "atom.xml" },
  { format: "json", type: "application/feed+json", label: "JSON Feed", file: "feed.json" },
] as const;

export type FeedFormat = (typeof FEED_FORMATS)[number]["format"];

/** `breaking-news` as Atom -> `/feeds/breaking-news/atom.xml`. */
export function feedPath(feed: string, format: FeedFormat): string {
  const file = FEED_FORMATS.find((entry) => entry.format === format)?.file ?? "";
  return `/feeds/${feed}/${file}`;
}

/** The page a feed mirrors: the front page for Breaking News, else the topic page. */
export function feedPagePath(feed: string): string {
  return feed === BREAKING_FEED ? "/" : `/topics/${feed}`;
}
