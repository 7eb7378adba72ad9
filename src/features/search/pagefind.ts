import { parseShardList, type ShardInfo } from "@/content/shard-list";
import { preload } from "@/shared/preload";
import { withBase } from "@/shared/with-base";

/**
 * Pagefind's search, loaded at run time from the index the build writes to /pagefind/
 * (scripts/search/search-index.ts): its script and WebAssembly, and the list of the index's
 * shards. Its script is part of the index, not of the app's bundle, so Vite leaves the import
 * alone; nothing of it is fetched until the reader focuses a search box or opens /search.
 */

/**
 * Where the build writes Pagefind's script (scripts/search/search-index.ts). site-search.tsx
 * names it too, not imported from here: a module shared by the first screen and this lazy code
 * would become a chunk of its own, costing the first screen bytes.
 */
const PAGEFIND_SCRIPT = withBase("/pagefind/pagefind.js");
/** The index's shards, newest first (scripts/search/search-index.ts). */
const SHARD_LIST = withBase("/pagefind/shards.json");

/** The words of an excerpt around the matches, in characters (about two lines on a phone). */
const EXCERPT_WORDS = 28;

/**
 * One result as Pagefind ranks it; its data (a fragment file) is fetched only when asked.
 * `words`: the locations of its matches among the words of its text (none for a match in its
 * metadata alone).
 */
export type PagefindResult = {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindData>;
};

export type PagefindData = {
  url: string;
  /** The text around the matches, with each match in <mark>: see excerpt-parts.ts. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The story's indexed text, with "<" and ">" escaped as in `excerpt` (query-words.ts). */
  raw_content?: string;
  content?: string;
};

export type PagefindSearch = { results: PagefindResult[] };

/** One Pagefind index (a shard), as Pagefind's `createInstance` makes it. */
export type PagefindIndex = {
  init: () => Promise<void>;
  search: (term: string, options?: PagefindSearchOptions) => Promise<PagefindSearch | null>;
};

type PagefindModule = { createInstance: (options: Record<string, unknown>) => PagefindIndex };

/** The search, once loaded: the shards, and a search of one of them (started when first asked). */
export type Pagefind = {
  shards: ShardInfo[];
  search: (
    shard: number,
    term: string,
    options?: PagefindSearchOptions,
  ) => Promise<PagefindResult[]>;
  /** Starts loading a shard's index (its entry and metadata) before it is searched. */
  start: (shard: number) => void;
};

export type PagefindSearchOptions = { filters?: Record<string, string> };

declare global {
  interface ImportMetaEnv {
    /** Pagefind's version, which names its WebAssembly (vite.config.ts). */
    readonly PAGEFIND_VERSION?: string;
  }
}

/**
 * Pagefind's WebAssembly, the largest file a first search needs, named by Pagefind's version
 * (scripts/search/search-index.ts): its address is known before anything of the index has
 * come, and every shard's index asks for this one address, which the browser keeps for good.
 */
const PAGEFIND_WASM = withBase(`/pagefind/wasm/${import.meta.env.PAGEFIND_VERSION}.pagefind`);

let loading: Promise<Pagefind> | undefined;

/** Pagefind asks for a shard's entry file at this address (its `metaCacheTag`). */
const ENTRY_TAG = "shard";

/** Loads Pagefind and the shard list once per visit; a failed load is tried again on the next call. */
export function loadPagefind(): Promise<Pagefind> {
  // The WebAssembly comes beside Pagefind's script, not after the script and its entry file
  // have come: two round trips less before the first results (Pagefind's own same-origin
  // fetch for it takes the preloaded response).
  if (!loading) preload(PAGEFIND_WASM);
  loading ??= Promise.all([
    import(/* @vite-ignore */ PAGEFIND_SCRIPT) as Promise<PagefindModule>,
    fetch(SHARD_LIST)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} fetching ${SHARD_LIST}`);
        return response.json() as Promise<unknown>;
      })
      .then((list) => {
        // The newest shard's entry and metadata come while Pagefind's script is still coming,
        // not one after the other once it runs: two round trips less before the first results.
        const [newest] = parseShardList(list);
        if (newest) {
          // The list names paths inside the site; they are fetched under the base path.
          preload(withBase(`${newest.path}pagefind-entry.json?ts=${ENTRY_TAG}`));
          if (newest.meta) preload(withBase(`${newest.path}${newest.meta}`));
        }
        return list;
      }),
  ]).then(
    ([pagefind, list]) => {
      const shards = parseShardList(list);
      const started = new Map<number, PagefindIndex>();
      const start = (index: number): PagefindIndex => {
        const info = shards[index];
        if (!info) throw new Error(`search index: no shard ${index}`);
        let instance = started.get(index);
        if (!instance) {
          // On the page's own thread: its web worker would be one more file (12 KB) to fetch,
          // one after the other, before the first result; a search takes milliseconds. A
          // shard's folder never changes under its name, so neither need its entry's address.
          instance = pagefind.createInstance({
            basePath: withBase(info.path),
            // Results name the page's path inside the site (Pagefind would otherwise put the
            // part of basePath before "pagefind/", the base path, in front).
            baseUrl: "/",
            excerptLength: EXCERPT_WORDS,
            noWorker: true,
            metaCacheTag: ENTRY_TAG,
          });
          started.set(index, instance);
        }
        return instance;
      };
      const search: Pagefind["search"] = async (index, term, options) => {
        const instance = start(index);
        try {
          return (await instance.search(term, options))?.results ?? [];
        } catch (error) {
          // An index that failed to load stays failed: the next search starts it again.
          started.delete(index);
          throw error;
        }
      };
      // The newest shard is the one every search reads first.
      if (shards.length > 0) start(0);
      return {
        shards,
        search,
        start: (index) => {
          if (index < shards.length) start(index);
        },
      };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
