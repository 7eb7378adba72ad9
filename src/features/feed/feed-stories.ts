import { FEED_PAGE_SIZE, type FeedChunk, type FeedHead } from "@/content/api-types";
import { clampPageCount } from "@/features/feed/page-param";

/**
 * The reader sees a feed in screens of FEED_PAGE_SIZE ("Load more" adds one; `?page=N` shows
 * N), while the files come as a head of 10–19 stories and archive pages of 10 aligned on the
 * oldest story. These turn the fetched chunks into screens.
 */
export type FeedScreens = {
  head: FeedHead;
  /** How many screens the whole feed fills (at least 1). */
  screenCount: number;
  /** How many screens the fetched chunks can show in full. */
  ready: number;
  /** Archive pages still to fetch before `screens` can show, newest first. */
  missing: (screens: number) => number[];
  stories: FeedChunk["stories"];
};

export function feedScreens(chunks: readonly FeedChunk[]): FeedScreens {
  const head = chunks[0] as FeedHead;
  const stories = chunks.flatMap((chunk) => chunk.stories);
  const next = chunks.at(-1)?.next ?? null;
  const screenCount = Math.max(1, Math.ceil(head.total / FEED_PAGE_SIZE));
  // With every chunk fetched, the last screen may be short; otherwise only full ones count.
  const ready = Math.max(
    1,
    next === null
      ? Math.ceil(stories.length / FEED_PAGE_SIZE)
      : Math.floor(stories.length / FEED_PAGE_SIZE),
  );
  const missing = (screens: number): number[] => {
    const wanted = clampPageCount(screens, screenCount) * FEED_PAGE_SIZE;
    const pages: number[] = [];
    for (let page = next, have = stories.length; page !== null && page >= 1 && have < wanted; ) {
      pages.push(page);
      have += FEED_PAGE_SIZE;
      page = page > 1 ? page - 1 : null;
    }
    return pages;
  };
  return { head, screenCount, ready, missing, stories };
}
