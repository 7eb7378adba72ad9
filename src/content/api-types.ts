import type { Photo, Story, Topic } from "@/content/schema";

/**
 * Shapes of the static JSON API under /api/ (docs/design.md). The pipeline emits them; the client
 * reads them. Summaries carry only what a card needs so a feed page stays small.
 */

export type StorySummary = Pick<
  Story,
  "id" | "headline" | "summary" | "topics" | "publishedAt" | "updatedAt" | "sample" | "photo"
> & { lang: string };

/** A link to another story: enough for "Next story: <headline>". */
export type StoryLink = Pick<StorySummary, "id" | "headline" | "lang">;

/**
 * A feed is cut into archive pages numbered from its oldest story: page 1 holds the ten
 * oldest, page 2 the next ten, and so on. A page is written once it is full and never changes
 * again when stories are published, so it can be cached forever. The head holds every story
 * newer than the newest archive page it points to (ten to nineteen, or all of a short feed),
 * so publishing a story rewrites the head and, once in ten, adds one archive page.
 */
export type FeedHead = {
  feed: string;
  title: string;
  /** Every story in the feed, head and archive. */
  total: number;
  /** Newest first. */
  stories: StorySummary[];
  /** The archive page with the stories just older than the head's last, or null if none. */
  next: number | null;
};

export type FeedArchivePage = {
  feed: string;
  /** Counted from the oldest story: page 1 is the ten oldest. */
  page: number;
  /** Exactly FEED_PAGE_SIZE stories, newest first. */
  stories: StorySummary[];
  /** page - 1, or null for page 1. */
  next: number | null;
};

/** What the feed's infinite query holds: the head first, then archive pages, newer to older. */
export type FeedChunk = FeedHead | FeedArchivePage;

export type StoryPage = {
  story: Story & { lang: string };
  /** Neighbours in the Breaking News order (newest first): previous is newer, next is older. */
  previous: StoryLink | null;
  next: StoryLink | null;
  /**
   * Up to three stories of the story's first topic: the nearest older ones, newest first,
   * topped up with the nearest newer ones only when too few are older. Publishing a story
   * therefore changes no other story's list (beyond a topic's oldest three).
   */
  related: StorySummary[];
};

/** The newest HIGHLIGHTS_LIMIT flagged stories and how many there are in all. */
export type StoryList = { stories: StoryLink[]; total: number };

export type { Photo, Topic };
export const FEED_PAGE_SIZE = 10;
/** The banner and Special Report list at most this many, so no page grows with the archive. */
export const HIGHLIGHTS_LIMIT = 5;

/** Where each file of the API lives, from the site root: the client fetches these, the emit stage writes them. */
export const API_PATHS = {
  topics: "/api/topics.json",
  breaking: "/api/breaking.json",
  specialReports: "/api/special-reports.json",
  feedHead: (feed: string) => `/api/feeds/${feed}/head.json`,
  /** Outside /api/ because these alone are cached forever (`_headers`). */
  feedArchive: (feed: string, page: number) => `/archive/${feed}/${page}.json`,
  story: (id: string) => `/api/stories/${id}.json`,
} as const;
export const BREAKING_FEED = "breaking-news";
/** What the Breaking News feed is, on its page and in its RSS, Atom and JSON feeds. */
export const BREAKING_DESCRIPTION = "The latest stories from the Dispatch newsroom, newest first.";
