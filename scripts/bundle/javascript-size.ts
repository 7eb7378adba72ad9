/**
 * What each kind of page downloads in JavaScript, read from the production build's Vite
 * manifest (kept beside the build, not in it). The bench reports these figures and the
 * end-to-end tests hold the budget.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Manifest } from "vite";
import { viteManifestPath } from "../shared/deployable-output.ts";
import { BROTLI_SUFFIX } from "../shared/media-types.ts";

/**
 * The budget for the JavaScript every page starts with, in the bytes a phone downloads: the
 * build's brotli-11 siblings, which npm start and nginx send (scripts/bundle/precompress.ts).
 * It was 110 KB of gzip when gzip was what went out (112 KB then, 98 KB as brotli).
 */
export const INITIAL_JS_BUDGET = 100 * 1024;

const FEED_PAGE_MODULE = "src/features/feed/feed-routes.tsx";
const STORY_PAGE_MODULE = "src/features/story/story-page.tsx";
/** Loaded on every page once the app runs, after it has rendered: the service worker's client. */
const AFTER_START_MODULE = "src/features/offline/service-worker-client.tsx";

/** Bytes after gzip at its highest level, the measure of what is compressed as it is sent. */
export const gzipBytes = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** What a built script costs to download: its `.br` sibling, or brotli 11 of it. */
function sentBytes(file: string): number {
  const sibling = `${file}${BROTLI_SUFFIX}`;
  if (existsSync(sibling)) return statSync(sibling).size;
  return brotliCompressSync(readFileSync(file), {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
}

export type JavaScriptSizes = {
  /** Bytes sent (brotli) of the entry chunk and everything it imports statically. */
  initialBytes: number;
  /** Initial JavaScript plus the page code a story page loads before it hydrates. */
  storyPageBytes: number;
  feedPageBytes: number;
  /** What every page loads after the app has rendered (beyond the initial JavaScript). */
  afterStartBytes: number;
  /** Built file names (as served, `/assets/…`), for checking what a page really loaded. */
  files: {
    initial: string[];
    storyPage: string[];
    feedPage: string[];
    feedOnly: string[];
    afterStart: string[];
  };
};

export function javascriptSizes(dist: string): JavaScriptSizes {
  const manifestFile = viteManifestPath(dist);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const chunk = (key: string) => {
    const found = manifest[key];
    if (!found) throw new Error(`${manifestFile}: no chunk for "${key}"`);
    return found;
  };
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const next of chunk(key).imports ?? []) visit(next);
    };
    for (const key of keys) visit(key);
    return seen;
  };
  // Every page type starts with the same chunks: compress each file once.
  const chunkBytes = new Map<string, number>();
  const size = (keys: Set<string>) =>
    [...keys].reduce((sum, key) => {
      let bytes = chunkBytes.get(key);
      if (bytes === undefined) {
        bytes = sentBytes(path.join(dist, chunk(key).file));
        chunkBytes.set(key, bytes);
      }
      return sum + bytes;
    }, 0);
  const files = (keys: Set<string>) => [...keys].map((key) => `/${chunk(key).file}`);

  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`${manifestFile}: no entry chunk`);
  const initial = closure([entry]);
  const storyPage = closure([entry, STORY_PAGE_MODULE]);
  const feedPage = closure([entry, FEED_PAGE_MODULE]);
  const feedOnly = new Set([...feedPage].filter((key) => !storyPage.has(key)));
  const afterStart = new Set(
    [...closure([entry, AFTER_START_MODULE])].filter((key) => !initial.has(key)),
  );
  return {
    initialBytes: size(initial),
    storyPageBytes: size(storyPage),
    feedPageBytes: size(feedPage),
    afterStartBytes: size(afterStart),
    files: {
      initial: files(initial),
      storyPage: files(storyPage),
      feedPage: files(feedPage),
      feedOnly: files(feedOnly),
      afterStart: files(afterStart),
    },
  };
}
