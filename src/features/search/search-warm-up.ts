import { loadPagefind } from "@/features/search/pagefind";
import { searchStories } from "@/features/search/search-stories";

/** Words shorter than this are not searched ahead: they match too much to guess from. */
const AHEAD_MIN_LENGTH = 3;
let ahead: { running: boolean; next: string | null } = { running: false, next: null };

/**
 * The header's box calls this on focus and as the reader types: it starts loading the search
 * (its code and Pagefind), then searches the words typed so far, so that Enter finds the
 * results (or most of the files they need) already here. One search at a time, then the
 * latest words: a fast typist does not queue a search per key.
 */
export function warmUp(words = ""): void {
  const query = words.trim();
  if (query.length < AHEAD_MIN_LENGTH) {
    loadPagefind().catch(() => {
      // The search page says so, and tries again, if the reader goes on to search.
    });
    return;
  }
  ahead.next = query;
  if (ahead.running) return;
  ahead.running = true;
  const searchNext = (): void => {
    const next = ahead.next;
    ahead = { running: next !== null, next: null };
    if (next === null) return;
    searchStories(next).then(searchNext, searchNext);
  };
  // The words are read once Pagefind is ready, not before: by then the reader has typed more,
  // and searching what they typed first would only cost a search (and its files) more.
  loadPagefind().then(searchNext, () => {
    ahead = { running: false, next: null };
  });
}
