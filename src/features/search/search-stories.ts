import { type ExcerptPart, excerptParts } from "@/features/search/excerpt-parts";
import { loadPagefind, type PagefindData, type PagefindResult } from "@/features/search/pagefind";
import { resultsWithWords } from "@/features/search/query-words";
import { ShardedSearch } from "@/features/search/sharded-search";

/** Results show, and Load more adds, ten at a time, as the feeds do. */
export const RESULTS_PAGE_SIZE = 10;

/** What a result shows, from the story page's search metadata (story-page.tsx). */
export type StoryResult = {
  id: string;
  headline: string;
  excerpt: ExcerptPart[];
  /** ISO date and time of publication. */
  date: string | undefined;
  lang: string;
  /** The story's first topic, by name. */
  topic: string | undefined;
};

/** A ranked result; its words are fetched (one small file) only when it is about to show. */
export type SearchHit = {
  id: string;
  score: number;
  readonly result: StoryResult | undefined;
  load: () => Promise<StoryResult>;
};

/** Turns Pagefind's record of a story page into a result; its URL names the page's file. */
export function storyResult(data: PagefindData): StoryResult {
  const file = new URL(data.url, "https://dispatch.invalid").pathname;
  return {
    id: decodeURIComponent(file.replace(/^\/stories\//, "").replace(/\.html$/, "")),
    headline: data.meta.title ?? "",
    excerpt: excerptParts(data.excerpt),
    // A date Pagefind could not carry whole is left out rather than shown wrong.
    date: Number.isNaN(Date.parse(data.meta.date ?? "")) ? undefined : data.meta.date,
    lang: data.meta.lang ?? "en",
    topic: data.meta.topic,
  };
}

function hitOf(found: PagefindResult, shard: number): SearchHit {
  let result: StoryResult | undefined;
  let loading: Promise<StoryResult> | undefined;
  return {
    // Pagefind's ids are its pages' within one index.
    id: `${shard}:${found.id}`,
    score: found.score,
    get result() {
      return result;
    },
    load() {
      loading ??= found.data().then(
        (data) => {
          result = storyResult(data);
          return result;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

/**
 * A search under way: the results placed so far (`hits`, the first `ready` of them with their
 * words here, ready to show) and how many stories it has found, which is the whole count once
 * `complete` (every shard searched).
 */
export type StorySearch = {
  readonly hits: readonly SearchHit[];
  readonly ready: number;
  readonly found: number;
  readonly complete: boolean;
  readonly hasMore: boolean;
  /** Places the next page of results (searching older shards as needed) and fetches their words. */
  more: () => Promise<void>;
  /** Searches every shard left, so `found` becomes the whole count; `progress` after each. */
  searchAll: (progress: () => void, stopped: () => boolean) => Promise<void>;
};

/** The last search asked for: asked again (Enter after typing), it is answered from here. */
let last: { key: string; search: Promise<StorySearch> } | undefined;

/** The stories matching the words, the first page of them ready to show. */
export function searchStories(query: string, topicName?: string): Promise<StorySearch> {
  const key = `${query}\n${topicName ?? ""}`;
  if (last?.key === key) return last.search;
  const search = startSearch(query, topicName);
  last = { key, search };
  search.catch(() => {
    if (last?.search === search) last = undefined;
  });
  return search;
}

async function startSearch(query: string, topicName?: string): Promise<StorySearch> {
  const pagefind = await loadPagefind();
  const options = topicName ? { filters: { topic: topicName } } : {};
  const sharded = new ShardedSearch<SearchHit>(pagefind.shards.length, async (shard) => {
    // Past the newest shard the search is going through the archive: the next shard's index
    // loads while this one is searched.
    if (shard > 0) pagefind.start(shard + 1);
    const found = await resultsWithWords(pagefind, shard, query, options);
    const hits = found.map((result) => hitOf(result, shard));
    // The newest shard's first page shows first: its words are fetched with it.
    if (shard === 0) await Promise.all(hits.slice(0, RESULTS_PAGE_SIZE).map((hit) => hit.load()));
    return hits;
  });
  let ready = 0;
  const search: StorySearch = {
    get hits() {
      return sharded.placed;
    },
    get ready() {
      return ready;
    },
    get found() {
      return sharded.found;
    },
    get complete() {
      return sharded.complete;
    },
    get hasMore() {
      return sharded.hasMore || ready < sharded.placed.length;
    },
    async more() {
      // Results placed whose words failed to come are fetched again before any more are placed.
      if (ready === sharded.placed.length) await sharded.place(RESULTS_PAGE_SIZE);
      const placed = sharded.placed.length;
      await Promise.all(sharded.placed.slice(ready).map((hit) => hit.load()));
      ready = placed;
    },
    searchAll: (progress, stopped) => sharded.searchAll(progress, stopped),
  };
  await search.more();
  return search;
}

/**
 * The results' heading, also announced: "12 stories for “saffron”", or while older stories
 * are still being searched, what has been counted so far: "10+ stories for “saffron”".
 */
export function searchHeading(count: number, query: string, complete = true): string {
  if (count === 0 && complete) return `No stories found for “${query}”`;
  const stories = count === 1 && complete ? "story" : "stories";
  return `${count.toLocaleString("en")}${complete ? "" : "+"} ${stories} for “${query}”`;
}
