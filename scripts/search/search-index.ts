import { readFileSync } from "node:fs";
import path from "node:path";
import { close, createIndex } from "pagefind";
import { ObjectStore, readIndex, sha1, writeIndex } from "../content/build-cache.ts";
import { eachLimit } from "../content/map-limit.ts";

/**
 * Build stage after prerendering: the static search index (Pagefind) over the prerendered
 * story pages, written to `/pagefind/`. Pagefind reads only what a story page marks with
 * `data-pagefind-body` (the story: headline, summary, captions, text), so the header, banner
 * and side columns are never indexed, and only `stories/*.html` are read at all.
 *
 * Pagefind cannot update an index in place, so a change to any story page indexes every story
 * page again (seconds, even for large archives). Two things keep that from costing more:
 * when no story page changed (same bytes, by the prerender cache's hashes) the last index is
 * linked into place without running Pagefind; and every file of a new index goes through the
 * content-addressed build cache, so the files whose bytes did not change (Pagefind names its
 * chunks by their hash: most fragments, many index chunks) keep their inode and are not
 * uploaded again.
 */

export const SEARCH_DIR = "pagefind";
export const STORY_PAGES_GLOB = "stories/*.html";

/** Pagefind's own search widgets, which Dispatch does not use (it has its own search page). */
const UNUSED_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

// Everything is indexed as one language: the search page then loads one index and finds a
// Persian story by its Persian words as well as an English one. (Pagefind would otherwise
// split the index by each page's <html lang>, which is the site's; the story's own language
// travels in its `lang` metadata so a result can read right to left.)
const PAGEFIND_CONFIG = { forceLanguage: "en" } as const;

/** The installed Pagefind's version (its package exports no package.json: lib/ is beside it). */
const pagefindVersion = (): string => {
  const manifest = new URL("../package.json", import.meta.resolve("pagefind"));
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
};

export async function buildSearchIndex(options: {
  outDir: string;
  cacheDir: string;
  /** The stored hash of every story page, by its file inside outDir. */
  storyPages: readonly (readonly [file: string, hash: string])[];
  /** The cache's index for this site (one per output folder). */
  indexFile: string;
}): Promise<{ files: number; reused: boolean }> {
  const { outDir, cacheDir, storyPages, indexFile } = options;
  const store = new ObjectStore(cacheDir);
  const key = sha1(
    [
      pagefindVersion(),
      JSON.stringify(PAGEFIND_CONFIG),
      ...storyPages.map(([file, hash]) => `${file} ${hash}`).sort(),
    ].join("\n"),
  );
  const target = (file: string) => path.join(outDir, SEARCH_DIR, file);

  const cached = await readIndex(indexFile);
  if (cached.get("") === key) {
    const files = [...cached].filter(([file]) => file !== "");
    let complete = true;
    await eachLimit(files, 32, async ([file, hash]) => {
      if (!(await store.place(hash, target(file)))) complete = false;
    });
    if (complete) return { files: files.length, reused: true };
  }

  const { index, errors } = await createIndex(PAGEFIND_CONFIG);
  if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: STORY_PAGES_GLOB });
    if (added.errors.length > 0) {
      throw new Error(`search index: ${added.errors.join("; ")}`);
    }
    if (added.page_count !== storyPages.length) {
      throw new Error(
        `search index: Pagefind indexed ${added.page_count} of ${storyPages.length} story pages in ${path.join(outDir, "stories")}`,
      );
    }
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    const files = written.files.filter((file) => !UNUSED_FILE.test(file.path));
    const stored = new Map<string, string>([["", key]]);
    await eachLimit(files, 32, async (file) => {
      stored.set(file.path, await store.put(target(file.path), Buffer.from(file.content)));
    });
    await writeIndex(indexFile, stored);
    return { files: files.length, reused: false };
  } finally {
    await close();
  }
}
