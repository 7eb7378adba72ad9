import { readFileSync } from "node:fs";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { createPrerenderer, serveApiFrom } from "../../src/app/entry-server.tsx";
import { ObjectStore, sha1 } from "../content/build-cache.ts";
import { readSiteFile } from "../hosting/site-output.ts";
import { searchDocument } from "../search/search-document.ts";
import { createPageTemplate } from "./page-template.ts";

/**
 * One prerendering thread (bundled with the server entry by Vite's SSR build, so it runs as
 * plain JavaScript). It renders the routes it is given into outDir, answering the app's API
 * requests from the files the emit stage has already written there, so no thread holds the
 * whole API in memory. Each page goes through the build cache's object store.
 */

export type PrerenderJob = {
  /** The staging folder, where pages are written and where new and changed API files are. */
  outDir: string;
  /** The live site, which holds the API files this build kept as they were (SiteOutput). */
  liveDir: string;
  cacheDir: string;
  /** The client build's index.html. */
  templateHtml: string;
  routes: { url: string | null; file: string; key: string; render?: string }[];
};

export type PrerenderResult = {
  hashes: { scripts: string[]; styles: string[] };
  /**
   * Page key -> the stored page's hash, for the next build, and for a story page its search
   * document's hash (the search index is cut into shards by it: scripts/search/search-index.ts).
   */
  pages: [key: string, hash: string, documentHash?: string][];
};

const { outDir, liveDir, cacheDir, templateHtml, routes } = workerData as PrerenderJob;
const API_URL = /^\/(api|archive)\/[a-z0-9/._-]+\.json$/;
const store = new ObjectStore(cacheDir);

// Synchronous, as the object store is: a thread has nothing else to do while a file is read.
function readApi(url: string): string | undefined {
  try {
    return readSiteFile(outDir, liveDir, url.slice(1));
  } catch {
    return undefined;
  }
}
// Every story page asks for the topics, every feed page for the highlights: those few files
// are read once per thread, not once per page.
const sharedFiles = new Map<string, string | undefined>();
serveApiFrom(async (url) => {
  if (!API_URL.test(url) || url.includes("..")) return undefined;
  if (url.startsWith("/api/stories/")) return readApi(url);
  if (!sharedFiles.has(url)) sharedFiles.set(url, readApi(url));
  return sharedFiles.get(url);
});

const template = createPageTemplate(templateHtml, (href) =>
  readFileSync(path.join(outDir, href), "utf8"),
);

const prerender = createPrerenderer();
const pages: PrerenderResult["pages"] = [];
// One page at a time: nothing a page waits for is slow (its API files are read synchronously).
for (const { url, file, key, render } of routes) {
  const page = await prerender(render ?? url ?? "/404");
  if (page.status !== 200) {
    throw new Error(`prerendering ${file} failed with status ${page.status}`);
  }
  const html = template.render({ url, appHtml: page.html, state: page.state });
  // Encoded once, for the hash and the file alike.
  const hash = store.put(path.join(outDir, file), Buffer.from(html));
  pages.push(
    file.startsWith("stories/") ? [key, hash, sha1(searchDocument(html, file))] : [key, hash],
  );
  // Back to the event loop between pages. Nothing here waits for I/O, so without it the loop
  // never reaches its timers, and whatever a timer holds stays alive until the thread ends:
  // when prerendering's requests still had 10-second timeouts, that was about 7 KB a page
  // (335 MB for 50,000 pages). Any timer a page still leaves runs here, between pages.
  await setImmediate();
}
parentPort?.postMessage({ hashes: template.hashes, pages } satisfies PrerenderResult);
