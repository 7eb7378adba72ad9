import { type ExcerptPart, excerptParts } from "@/features/search/excerpt-parts";
import { loadPagefind, type PagefindData, type PagefindResult } from "@/features/search/pagefind";

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

function hitOf(found: PagefindResult): SearchHit {
  let result: StoryResult | undefined;
  let loading: Promise<StoryResult> | undefined;
  return {
    id: found.id,
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

/** The last search asked for: asked again (Enter after typing), it is answered from here. */
let last: { key: string; hits: Promise<SearchHit[]> } | undefined;

/** The stories matching the words (best first), the first ten ready to show. */
export function searchStories(query: string, topicName?: string): Promise<SearchHit[]> {
  const key = `${query}\n${topicName ?? ""}`;
  if (last?.key === key) return last.hits;
  const hits = runSearch(query, topicName);
  last = { key, hits };
  hits.catch(() => {
    if (last?.hits === hits) last = undefined;
  });
  return hits;
}

async function runSearch(query: string, topicName?: string): Promise<SearchHit[]> {
  const pagefind = await loadPagefind();
  const search = await pagefind.search(query, topicName ? { filters: { topic: topicName } } : {});
  const hits = (search?.results ?? []).map(hitOf);
  await Promise.all(hits.slice(0, RESULTS_PAGE_SIZE).map((hit) => hit.load()));
  return hits;
}

/** The results' heading, also announced: "12 stories for “saffron”". */
export function searchHeading(count: number, query: string): string {
  if (count === 0) return `No stories found for “${query}”`;
  return `${count} ${count === 1 ? "story" : "stories"} for “${query}”`;
}
