import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { topicsQuery } from "@/content/api-client";
import { loadPagefind } from "@/features/search/pagefind";
import { SearchResultItem } from "@/features/search/search-result";
import { type StorySearch, searchHeading, searchStories } from "@/features/search/search-stories";
import { Link } from "@/shared/link";
import { useFocusFirstNew } from "@/shared/use-focus-first-new";
import { useHydrated } from "@/shared/use-hydrated";
import { withBase } from "@/shared/with-base";

/** How long typing pauses before the results follow it. */
const TYPING_PAUSE_MS = 300;
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
 * `/search?q=…&topic=…`: the results for the address's words, best first, in pages of ten.
 * The address is the source of truth (shared, reloaded, Back), updated as the reader types
 * (replaced, not pushed). The page is prerendered without a query; the words are read once
 * the app runs, so hydration matches.
 */
export function SearchPage() {
  const hydrated = useHydrated();
  const [params, setParams] = useSearchParams();
  const query = hydrated ? (params.get("q") ?? "").trim() : "";
  const topicSlug = hydrated ? (params.get("topic") ?? "") : "";
  const topicList = useQuery(topicsQuery());
  const topics = topicList.data ?? [];
  const topicName = topics.find((topic) => topic.slug === topicSlug)?.name;

  const [text, setText] = useState(query);
  const [found, setFound] = useState<Found | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [olderFailed, setOlderFailed] = useState(false);

  // The address changed without typing (the first render after hydration, Back, a link):
  // the box shows its words.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setText(params.get("q") ?? "");
    typed.current = false;
  }, [params]);

  const setAddress = (words: string, slug: string) => {
    typed.current = true;
    setParams(
      () => {
        const next = new URLSearchParams();
        if (words.trim()) next.set("q", words.trim());
        if (slug) next.set("topic", slug);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  // Results follow the words once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: setAddress is new each render; the values it reads are listed
  useEffect(() => {
    if (text.trim() === query || !hydrated) return;
    const timer = window.setTimeout(() => setAddress(text, topicSlug), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query, topicSlug, hydrated]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reader's Try again
  useEffect(() => {
    if (!query) {
      setFound(null);
      return;
    }
    // A topic's name (what the index files it under) comes with the topic list; an unknown
    // topic in the address searches every topic.
    if (topicSlug && topicList.isPending) return;
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
  }, [query, topicSlug, topicName, topicList.isPending, attempt]);

  const list = useRef<HTMLOListElement>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const shownCount = found?.shown ?? 0;

  const focusFirstNew = useFocusFirstNew(list, shownCount, "a", setAnnouncement);

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

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAddress(text, topicSlug);
  };

  const current = found && found.query === query && found.topic === topicSlug ? found : null;
  const searching = query !== "" && !current && !failed;
  const heading = !query
    ? "Search stories"
    : current
      ? searchHeading(current.count, query, current.search.complete)
      : `Searching for “${query}”…`;

  return (
    <div className="reading-text search-page">
      <title>{query ? `${query} — Search — Dispatch` : "Search — Dispatch"}</title>
      <meta name="robots" content="noindex" />
      <h1 tabIndex={-1} className="page-heading">
        {heading}
      </h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the form is the landmark, also where <search> is unknown */}
      <form role="search" action={withBase("/search")} className="search-form" onSubmit={submit}>
        <label htmlFor="search-words" className="search-label">
          Search stories
        </label>
        <div className="search-row">
          <input
            id="search-words"
            type="search"
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            className="search-input"
          />
          <button type="submit" className="button-primary">
            Search
          </button>
        </div>
        <label htmlFor="search-topic" className="search-label">
          Topic
        </label>
        <select
          id="search-topic"
          name="topic"
          value={topicSlug}
          onChange={(event) => setAddress(text, event.target.value)}
          className="search-select"
        >
          <option value="">All topics</option>
          {topics.map((topic) => (
            <option key={topic.slug} value={topic.slug}>
              {topic.name}
            </option>
          ))}
        </select>
      </form>

      <noscript>
        <p>Search needs JavaScript, which is off or blocked here: browse the topics instead.</p>
      </noscript>
      <div aria-busy={searching} className="search-results">
        {failed ? (
          <div role="alert" className="grid justify-items-start gap-3 py-4">
            <p>Search could not be loaded. Check your connection and try again.</p>
            <button
              type="button"
              className="button-primary"
              onClick={() => setAttempt((n) => n + 1)}
            >
              Try again
            </button>
          </div>
        ) : current && current.count === 0 ? (
          <NoResults
            topicName={topicName}
            onAllTopics={() => setAddress(text, "")}
            topics={topics}
          />
        ) : current ? (
          <ol ref={list} className="search-list" aria-label={`Stories for “${current.query}”`}>
            {current.search.hits.slice(0, current.shown).map((hit) => (
              <li key={hit.id}>
                <SearchResultItem hit={hit} />
              </li>
            ))}
          </ol>
        ) : null}
        {current && !current.search.complete ? (
          <p className="search-older">
            {olderFailed
              ? "Older stories could not be searched: the count is of the newer ones."
              : "Searching older stories…"}
          </p>
        ) : null}
        {current?.search.hasMore ? (
          <div className="mt-4 flex flex-col items-start gap-2 border-t border-[var(--color-rule)] pt-6">
            {loadMoreFailed ? (
              <p role="alert" className="text-[var(--color-error)]">
                More results could not be loaded. Check your connection and try again.
              </p>
            ) : null}
            <button
              type="button"
              onClick={loadMore}
              aria-disabled={loadingMore || undefined}
              className="button-primary"
            >
              {loadingMore ? "Loading more results…" : loadMoreFailed ? "Try again" : "Load more"}
            </button>
          </div>
        ) : null}
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function NoResults({
  topicName,
  onAllTopics,
  topics,
}: {
  topicName: string | undefined;
  onAllTopics: () => void;
  topics: { slug: string; name: string }[];
}) {
  return (
    <div className="grid gap-3 py-4">
      <p>Some suggestions:</p>
      <ul className="search-suggestions">
        <li>Check the spelling, or try fewer or different words.</li>
        <li>Search for a word in the story’s own language: Persian stories by Persian words.</li>
        {topicName ? (
          <li>
            Only {topicName} stories were searched.{" "}
            <button type="button" className="link-button" onClick={onAllTopics}>
              Search all topics
            </button>
          </li>
        ) : null}
        <li>
          Browse the <Link to="/">Breaking News</Link>
          {topics.length > 0 ? " or a topic: " : "."}
          {topics.map((topic, index) => (
            <span key={topic.slug}>
              {index > 0 ? ", " : null}
              <Link to={`/topics/${topic.slug}`}>{topic.name}</Link>
            </span>
          ))}
        </li>
      </ul>
    </div>
  );
}
