import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { topicsQuery } from "@/content/api-client";
import { SearchResultItem } from "@/features/search/search-result";
import { searchHeading } from "@/features/search/search-stories";
import { SearchSuggestions } from "@/features/search/search-suggestions";
import { useSearchAddress } from "@/features/search/use-search-address";
import { useStorySearch } from "@/features/search/use-story-search";
import { useHydrated } from "@/shared/use-hydrated";
import { withBase } from "@/shared/with-base";

// The header's box loads this module (site-search.tsx) for its warm-up: one request brings the
// page's code and the warm-up, and the build keeps the search in this one lazy chunk.
export { warmUp } from "@/features/search/search-warm-up";

/**
 * `/search?q=…&topic=…`: the results for the address's words (use-search-address.ts), best
 * first, in pages of ten (use-story-search.ts). The page is prerendered without a query; the
 * words are read once the app runs, so hydration matches.
 */
export function SearchPage() {
  const hydrated = useHydrated();
  const { query, topicSlug, text, setText, submit, setTopic } = useSearchAddress(hydrated);
  const topicList = useQuery(topicsQuery());
  const topics = topicList.data ?? [];
  const topicName = topics.find((topic) => topic.slug === topicSlug)?.name;
  const {
    current,
    failed,
    retry,
    olderFailed,
    announcement,
    list,
    loadMore,
    loadingMore,
    loadMoreFailed,
  } = useStorySearch(query, topicSlug, topicName, topicList.isPending);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

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
      <form role="search" action={withBase("/search")} className="search-form" onSubmit={onSubmit}>
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
          onChange={(event) => setTopic(event.target.value)}
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
            <button type="button" className="button-primary" onClick={retry}>
              Try again
            </button>
          </div>
        ) : current && current.count === 0 ? (
          <SearchSuggestions
            topicName={topicName}
            onAllTopics={() => setTopic("")}
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
