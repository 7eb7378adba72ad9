import { useEffect, useRef, useState } from "react";
import { type StorySearch, searchHeading, searchStories } from "@/features/search/search-stories";
import { useFocusFirstNew } from "@/shared/use-focus-first-new";

/** A search's results as shown: `shown` and `count` are read from the search when it renders. */
type Found = { query: string; topic: string; search: StorySearch; shown: number; count: number };

const foundOf = (query: string, topic: string, search: StorySearch): Found => ({
  query,
  topic,
  search,
  shown: search.ready,
  count: search.found,
});

/**
 * The results for `query` in one topic (`topicSlug`, filed in the index under `topicName`):
 * the newer stories first, then the older ones counted in the background; Load more with its
 * focus move and announcement; a Try again for a search that could not load. `current` is
 * null until the results for these words and this topic are here, so the page never shows
 * another search's results under this one's heading.
 */
export function useStorySearch(
  query: string,
  topicSlug: string,
  topicName: string | undefined,
  topicsPending: boolean,
) {
  const [found, setFound] = useState<Found | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [olderFailed, setOlderFailed] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reader's Try again
  useEffect(() => {
    if (!query) {
      setFound(null);
      return;
    }
    // A topic's name (what the index files it under) comes with the topic list; an unknown
    // topic in the address searches every topic.
    if (topicSlug && topicsPending) return;
    let current = true;
    setFailed(false);
    setOlderFailed(false);
    searchStories(query, topicName).then(
      (search) => {
        if (!current) return;
        setFound(foundOf(query, topicSlug, search));
        setAnnouncement(searchHeading(search.found, query, search.complete));
        if (search.complete) return;
        // Then the older stories, for the whole count (the heading says "10+" until then).
        // A shard that fails leaves the count at what it has counted.
        search
          .searchAll(
            () =>
              setFound((shown) =>
                shown?.search === search ? { ...shown, count: search.found } : shown,
              ),
            () => !current,
          )
          .then(
            () => {
              if (current) setAnnouncement(searchHeading(search.found, query, search.complete));
            },
            () => {
              if (current) setOlderFailed(true);
            },
          );
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [query, topicSlug, topicName, topicsPending, attempt]);

  const list = useRef<HTMLOListElement>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const focusFirstNew = useFocusFirstNew(list, found?.shown ?? 0, "a", setAnnouncement);

  const loadMore = async () => {
    if (!found || loadingMore) return;
    const search = found.search;
    setLoadingMore(true);
    setLoadMoreFailed(false);
    try {
      // The next results (older stories searched if it needs them) with their excerpts and
      // titles (one small file each), before any of them shows.
      await search.more();
    } catch {
      setLoadingMore(false);
      setLoadMoreFailed(true);
      return;
    }
    setLoadingMore(false);
    focusFirstNew(found.shown);
    setAnnouncement("");
    setFound((shown) =>
      shown?.search === search ? foundOf(shown.query, shown.topic, search) : shown,
    );
  };

  return {
    current: found && found.query === query && found.topic === topicSlug ? found : null,
    failed,
    retry: () => setAttempt((n) => n + 1),
    olderFailed,
    announcement,
    /** The results list, where Load more moves focus to the first new result. */
    list,
    loadMore,
    loadingMore,
    loadMoreFailed,
  };
}
