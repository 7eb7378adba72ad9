import { randomUUID } from "node:crypto";
import { rename } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { ShardList } from "../../src/content/shard-list.ts";
import { readIndex, sha1, writeIndex } from "../shared/build-cache.ts";
import type { SiteOutput } from "../shared/site-output.ts";
import { pagefindVersion } from "./pagefind-version.ts";
import { searchDocument } from "./search-document.ts";

/**
 * Build stage after prerendering: the static search index (Pagefind) over the prerendered
 * story pages, written to `/pagefind/`. Pagefind reads only what a story page marks with
 * `data-pagefind-body` (the story: headline, summary, captions, text), so the header, banner
 * and side columns are never indexed, and only the story pages are read at all.
 *
 * The index is split into shards of SHARD_STORIES stories in publication order, each a whole
 * Pagefind index of its own in `/pagefind/shards/<hash>/`, and a list of them, newest first,
 * in `/pagefind/shards.json`. A search reads the newest shard first and older ones after it
 * (src/features/search/sharded-search.ts): one index's metadata, which grows with every story
 * it holds (about 6 bytes a story), is all a first query needs, however large the archive.
 * Publishing adds to the newest shard: the full ones keep their bytes and their names, so they
 * are neither indexed again nor uploaded again, and a browser keeps its copies.
 *
 * Every shard names the one copy of Pagefind's WebAssembly, `/pagefind/wasm/<version>.pagefind`
 * (its entry file's `wasm` is a path up to it): named by Pagefind's version, it is cached for
 * good and fetched once however many shards a search reads (each shard's index asks for it).
 */

export const SEARCH_DIR = "pagefind";
export const SHARD_LIST = "shards.json";
/**
 * Stories per shard. A first query fetches one shard's metadata (about 6 KB here) and its
 * index chunks; a search over every story reads them all, one shard after another.
 */
export const SHARD_STORIES = 1000;

/**
 * A story page to index: its file inside the output folder, the hash of its search document
 * (what Pagefind is sent of it: searchDocument), its publication date.
 */
export type StoryPage = { file: string; documentHash: string; publishedAt: string };

export type Shard = { key: string; pages: StoryPage[] };

/**
 * Pagefind's own search widgets, its worker and the WebAssembly for pages of no language,
 * which Dispatch does not use (its search runs on the page's thread over an index in "en").
 */
const UNUSED_FILE =
  /^(pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)|pagefind-worker\.js|wasm\.unknown\.pagefind)$/;
/** The files every shard has alike, kept once in /pagefind/ (see sharedPlace). */
const SHARED_FILE = /^(pagefind\.js|wasm\.en\.pagefind)$/;

// Everything is indexed as one language: the search page then loads one index and finds a
// Persian story by its Persian words as well as an English one. (Pagefind would otherwise
// split the index by each page's <html lang>, which is the site's; the story's own language
// travels in its `lang` metadata so a result can read right to left.)
const PAGEFIND_CONFIG = { forceLanguage: "en" } as const;
/**
 * A shard's entry file's `wasm`, which Pagefind reads as `<shard folder>wasm.<name>.pagefind`:
 * from `/pagefind/shards/<hash>/` three folders up, `/pagefind/wasm/<version>.pagefind`.
 */
const sharedWasm = (version: string) => `/../../../wasm/${version}`;

/** Where a file every shard has alike goes under /pagefind/. */
const sharedPlace = (file: string, version: string) =>
  file === "wasm.en.pagefind" ? `wasm/${version}.pagefind` : file;

/**
 * The story pages in shards of `size`, oldest first, in publication order (then by file, so
 * stories published at the same minute keep their places). Each shard's key hashes what its
 * index is made from, its pages' search documents: an older, full shard keeps its key when
 * stories are published, even the one holding the newest story's previous story, whose page
 * changes (its link to the next story) but whose article does not.
 */
export function shardsOf(pages: readonly StoryPage[], size: number, salt: string): Shard[] {
  // Each date parsed once, not in every comparison (at 100,000 pages, 3.4 million parses).
  const ordered = pages
    .map((page) => ({ page, instant: Date.parse(page.publishedAt) }))
    .sort(
      (a, b) =>
        a.instant - b.instant ||
        (a.page.file < b.page.file ? -1 : a.page.file > b.page.file ? 1 : 0),
    )
    .map(({ page }) => page);
  const shards: Shard[] = [];
  for (let start = 0; start < ordered.length; start += size) {
    const shardPages = ordered.slice(start, start + size);
    const key = sha1(
      [salt, ...shardPages.map((page) => `${page.file} ${page.documentHash}`)].join("\n"),
    );
    shards.push({ key, pages: shardPages });
  }
  return shards;
}

/**
 * The shard list, newest shard first; `folder` names a shard's folder under /pagefind/, `meta`
 * its metadata file (the search page fetches the newest one's early).
 */
export function shardList(
  shards: readonly Shard[],
  folder: (shard: Shard) => string,
  meta: (shard: Shard) => string | undefined = () => undefined,
): ShardList {
  return {
    version: 1,
    shards: shards.toReversed().map((shard) => {
      const metaFile = meta(shard);
      return {
        path: `/${SEARCH_DIR}/${folder(shard)}/`,
        stories: shard.pages.length,
        newest: shard.pages.at(-1)?.publishedAt ?? "",
        oldest: shard.pages[0]?.publishedAt ?? "",
        ...(metaFile ? { meta: metaFile } : {}),
      };
    }),
  };
}

const shardFolder = (shard: Shard) => `shards/${shard.key.slice(0, 16)}`;

type Pagefind = typeof import("pagefind");

/**
 * Pagefind's Node API indexes in one process of its own, which it starts once per instance of
 * its module. That process works on one core, so a shard indexed beside another in the same
 * process waits for it: each core gets an instance of the module (the same file under another
 * address is another instance), and with it a process of its own. The addresses are this
 * stage's own: two stages at once in one process (tests, a server building twice) would
 * otherwise share the processes, and the first to finish would close the other's.
 */
function pagefindProcesses(count: number): Promise<Pagefind[]> {
  const entry = import.meta.resolve("pagefind");
  const stage = randomUUID();
  return Promise.all(
    Array.from(
      { length: count },
      (_, i): Promise<Pagefind> => import(`${entry}?stage=${stage}&process=${i}`),
    ),
  );
}

/** One shard's index, built by Pagefind from its story pages: its files by path. */
async function indexShard(
  pagefind: Pagefind,
  site: SiteOutput,
  shard: Shard,
  wasm: string,
): Promise<Map<string, Buffer>> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join("; ")}`);
  // All sent at once, in order (so every build numbers the pages alike): Pagefind's process
  // takes each as it comes instead of waiting for ours to answer the one before. Each page is
  // read as it is sent: a document is a slice of its page, and a thousand documents held
  // until the last was read kept a thousand whole pages (about 90 MB a shard) in memory.
  await Promise.all(
    shard.pages.map(({ file }) =>
      // No local holds the page or its document while Pagefind works on it.
      index
        .addHTMLFile({ url: `/${file}`, content: searchDocument(site.readBytes(file), file) })
        .then((added) => {
          if (added.errors.length > 0) {
            throw new Error(`search index: ${file}: ${added.errors.join("; ")}`);
          }
        }),
    ),
  );
  const written = await index.getFiles();
  if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
  await index.deleteIndex();
  const files = new Map<string, Buffer>();
  for (const file of written.files) {
    if (UNUSED_FILE.test(file.path)) continue;
    if (file.path === "pagefind-entry.json") {
      const entry = JSON.parse(Buffer.from(file.content).toString("utf8")) as {
        languages: Record<string, { wasm?: string; page_count?: number }>;
      };
      const languages = Object.values(entry.languages);
      const pageCount = languages.reduce(
        (total, language) => total + (language.page_count ?? 0),
        0,
      );
      if (pageCount !== shard.pages.length) {
        throw new Error(
          `search index: Pagefind indexed ${pageCount} of ${shard.pages.length} story pages (${shard.pages[0]?.file} to ${shard.pages.at(-1)?.file})`,
        );
      }
      for (const language of languages) language.wasm = wasm;
      files.set(file.path, Buffer.from(JSON.stringify(entry)));
    } else {
      files.set(file.path, Buffer.from(file.content));
    }
  }
  return files;
}

export async function buildSearchIndex(options: {
  site: SiteOutput;
  /** Every story page: its file inside the site, its stored hash, its publication date. */
  storyPages: readonly StoryPage[];
  /** The cache's index for this site (one per output folder). */
  indexFile: string;
  /** Stories per shard (SHARD_STORIES; e2e/search-shards.spec.ts builds small ones). */
  shardStories?: number;
}): Promise<{ shards: number; indexed: number; files: number }> {
  const { site, storyPages, indexFile, shardStories = SHARD_STORIES } = options;
  // Whatever decides a shard's files: a change to any of them indexes every shard again.
  const version = pagefindVersion();
  const salt = [
    version,
    JSON.stringify(PAGEFIND_CONFIG),
    sharedWasm(version),
    UNUSED_FILE.source,
    SHARED_FILE.source,
  ].join("\n");
  const shards = shardsOf(storyPages, shardStories, salt);
  const target = (file: string) => `${SEARCH_DIR}/${file}`;

  // The cache's index: "<shard key>/<file>" and "<shared key>/<file>" → stored object,
  // grouped by key (a large archive has a hundred shards of a thousand files each).
  const cached = new Map<string, [file: string, hash: string][]>();
  for (const [name, hash] of await readIndex(indexFile)) {
    const slash = name.indexOf("/");
    const key = name.slice(0, slash);
    const files = cached.get(key) ?? [];
    files.push([name.slice(slash + 1), hash]);
    cached.set(key, files);
  }
  const stored = new Map<string, string>();
  const placeCached = (key: string, folder: string): boolean => {
    const files = cached.get(key) ?? [];
    if (files.length === 0) return false;
    for (const [file, hash] of files) {
      if (!site.place(hash, target(folder ? `${folder}/${file}` : file))) return false;
    }
    for (const [file, hash] of files) stored.set(`${key}/${file}`, hash);
    return true;
  };

  const sharedKey = `shared-${sha1(salt).slice(0, 16)}`;
  let sharedPlaced = placeCached(sharedKey, "");
  const toIndex = shards.filter((shard) => !placeCached(shard.key, shardFolder(shard)));
  // The script and WebAssembly come out of any shard's index: the newest, if none changed.
  const newest = shards.at(-1);
  if (!sharedPlaced && toIndex.length === 0 && newest) toIndex.push(newest);

  const processes = await pagefindProcesses(Math.min(availableParallelism(), toIndex.length));
  try {
    const queue = toIndex.values();
    await Promise.all(
      processes.map(async (pagefind) => {
        for (const shard of queue) {
          const built = await indexShard(pagefind, site, shard, sharedWasm(version));
          const writeShared = !sharedPlaced;
          sharedPlaced = true;
          for (const [file, content] of built) {
            if (SHARED_FILE.test(file)) {
              if (!writeShared) continue;
              const place = sharedPlace(file, version);
              stored.set(`${sharedKey}/${place}`, site.put(target(place), content));
            } else {
              const place = `${shardFolder(shard)}/${file}`;
              stored.set(`${shard.key}/${file}`, site.put(target(place), content));
            }
          }
        }
      }),
    );
  } finally {
    await Promise.all(processes.map((pagefind) => pagefind.close()));
  }
  const metaFiles = new Map<string, string>();
  for (const name of stored.keys()) {
    const [key, file] = name.split("/");
    if (key && file?.endsWith(".pf_meta")) metaFiles.set(key, file);
  }
  const metaFile = (shard: Shard) => metaFiles.get(shard.key);
  site.put(target(SHARD_LIST), `${JSON.stringify(shardList(shards, shardFolder, metaFile))}\n`);
  // Written under a name no other writer has, then renamed into place: writeIndex names its
  // partial file by the process id alone, which two builds sharing a restored cache (in two
  // containers, or two stages in one process) can both have.
  const partial = `${indexFile}.${randomUUID()}`;
  await writeIndex(partial, stored);
  await rename(partial, indexFile);
  return { shards: shards.length, indexed: toIndex.length, files: stored.size };
}
