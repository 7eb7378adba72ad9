/**
 * Pagefind's search, loaded at run time from the index the build writes to /pagefind/
 * (scripts/search/search-index.ts). Its script is part of the index, not of the app's bundle,
 * so Vite leaves the import alone; nothing of it is fetched until the reader focuses a search
 * box or opens /search.
 */

/**
 * Where the build writes Pagefind's script (scripts/search/search-index.ts). site-search.tsx
 * names it too, not imported from here: a module shared by the first screen and this lazy code
 * would become a chunk of its own, costing the first screen bytes.
 */
const PAGEFIND_SCRIPT = "/pagefind/pagefind.js";

/** The words of an excerpt around the matches, in characters (about two lines on a phone). */
const EXCERPT_WORDS = 28;

/** One result as Pagefind ranks it; its data (a fragment file) is fetched only when asked. */
export type PagefindResult = { id: string; score: number; data: () => Promise<PagefindData> };

export type PagefindData = {
  url: string;
  /** The text around the matches, with each match in <mark>: see excerpt-parts.ts. */
  excerpt: string;
  meta: Record<string, string | undefined>;
};

export type PagefindSearch = { results: PagefindResult[] };

export type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (term: string, options?: PagefindSearchOptions) => Promise<PagefindSearch | null>;
};

export type PagefindSearchOptions = { filters?: Record<string, string> };

/**
 * Pagefind's WebAssembly, the largest file a first search needs. The index has one language
 * (scripts/search/search-index.ts forces "en"), so its name is known before Pagefind's entry
 * file says it.
 */
const PAGEFIND_WASM = "/pagefind/wasm.en.pagefind";

let loading: Promise<Pagefind> | undefined;

/**
 * Asks for the WebAssembly beside Pagefind's script, not after the script and its entry file
 * have come: two round trips less before the first results. Pagefind's own request for it
 * (a same-origin `fetch`, hence `as="fetch"` and `crossorigin`) takes the preloaded response.
 */
function preloadWasm(): void {
  if (document.querySelector(`link[href="${PAGEFIND_WASM}"]`)) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = PAGEFIND_WASM;
  document.head.append(link);
}

/** Loads and starts Pagefind once per visit; a failed load is tried again on the next call. */
export function loadPagefind(): Promise<Pagefind> {
  if (!loading) preloadWasm();
  loading ??= import(/* @vite-ignore */ PAGEFIND_SCRIPT).then(
    async (pagefind: Pagefind) => {
      // On the page's own thread: its web worker would be one more file (12 KB) to fetch, one
      // after the other, before the first result; a search takes milliseconds.
      await pagefind.options({ excerptLength: EXCERPT_WORDS, noWorker: true });
      await pagefind.init();
      return pagefind;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
