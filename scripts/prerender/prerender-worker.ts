import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setImmediate } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { createPrerenderer, serveApiFrom } from "../../src/app/entry-server.tsx";
import { sitePathOf, withBase } from "../../src/shared/with-base.ts";
import { compressPage, type MadeSibling } from "../bundle/precompress.ts";
import { renderLitePage } from "../lite/render-lite-page.ts";
import { searchDocument } from "../search/search-document.ts";
import { ObjectStore, sha1 } from "../shared/build-cache.ts";
import { readSiteFile } from "../shared/site-output.ts";
import { createPageTemplate } from "./page-template.ts";

/**
 * One prerendering thread (bundled with the server entry by Vite's SSR build, so it runs as
 * plain JavaScript). It renders the routes it is sent (PrerenderMessage: batches, as the build
 * makes their API files, then one that says there are no more) into outDir, answering the
 * app's API requests from the files the API stage has already written there, so no thread
 * holds the whole API in memory. Each page goes through the build cache's object store, and
 * so do its compressed siblings, made here while the page is in memory
 * (scripts/bundle/precompress.ts).
 */

export type PrerenderJob = {
  /** The staging folder, where pages are written and where new and changed API files are. */
  outDir: string;
  /** The live site, which holds the API files this build kept as they were (SiteOutput). */
  liveDir: string;
  cacheDir: string;
  /** The client build's index.html. */
  templateHtml: string;
};

/** A page to render: the address it hydrates at (or null), its file, its key in the cache. */
export type PrerenderRoute = { url: string | null; file: string; key: string; render?: string };

/** What the build sends a thread: routes to render, and at last `done`. */
export type PrerenderMessage = { routes: PrerenderRoute[]; done?: boolean };

export type PrerenderResult = {
  hashes: { scripts: string[]; styles: string[] };
  /**
   * Page key -> the stored page's hash, for the next build, and for a story page its search
   * document's hash (the search index is cut into shards by it: scripts/search/search-index.ts).
   */
  pages: [key: string, hash: string, documentHash?: string][];
  /** The pages' `.br` and `.gz` siblings, put into staging through the store. */
  siblings: MadeSibling[];
};

const { outDir, liveDir, cacheDir, templateHtml } = workerData as PrerenderJob;
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
function apiText(url: string): string | undefined {
  if (!API_URL.test(url) || url.includes("..")) return undefined;
  if (url.startsWith("/api/stories/")) return readApi(url);
  if (!sharedFiles.has(url)) sharedFiles.set(url, readApi(url));
  return sharedFiles.get(url);
}
serveApiFrom(async (url) => apiText(url));

// The template names its stylesheet under the base path; the file is at its path in the site.
const template = createPageTemplate(templateHtml, (href) =>
  readFileSync(path.join(outDir, sitePathOf(href)), "utf8"),
);

const prerender = createPrerenderer();
const liteContext = {
  textSizeScript: template.textSizeScript,
  // A photo's variant, written by this build's images stage (or kept in the live site).
  fileSize(url: string) {
    const file = url.slice(1);
    try {
      return statSync(path.join(outDir, file)).size;
    } catch {
      return statSync(path.join(liveDir, file)).size;
    }
  },
};
const pages: PrerenderResult["pages"] = [];
const siblings: MadeSibling[] = [];
const putInStaging = (file: string, data: Buffer) => store.put(path.join(outDir, file), data);

const batches: PrerenderRoute[][] = [];
let done = false;
let wake: (() => void) | undefined;
const onMessage = (message: PrerenderMessage) => {
  batches.push(message.routes);
  done ||= message.done === true;
  wake?.();
};
parentPort?.on("message", onMessage);

/** A page into staging with its compressed siblings; its hash. */
function stagePage(file: string, html: string): string {
  // Encoded once, for the hash, the file and its siblings alike.
  const bytes = Buffer.from(html);
  const hash = putInStaging(file, bytes);
  siblings.push(...compressPage(file, bytes, hash, putInStaging));
  return hash;
}

async function renderPage({ url, file, key, render }: PrerenderRoute) {
  // Lite pages are not the app's: plain HTML of their own (scripts/lite).
  if (render?.startsWith("/lite/")) {
    pages.push([key, stagePage(file, renderLitePage(render, apiText, liteContext))]);
    return;
  }
  const page = await prerender(render ?? url ?? "/404");
  if (page.status !== 200) {
    throw new Error(`prerendering ${file} failed with status ${page.status}`);
  }
  // The address the browser shows the page at, which the app compares before hydrating.
  const html = template.render({
    url: url === null ? null : withBase(url),
    appHtml: page.html,
    state: page.state,
  });
  const hash = stagePage(file, html);
  pages.push(
    file.startsWith("stories/") ? [key, hash, sha1(searchDocument(html, file))] : [key, hash],
  );
}

// One page at a time: nothing a page waits for is slow (its API files are read synchronously).
for (;;) {
  const batch = batches.shift();
  if (!batch) {
    if (done) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
    continue;
  }
  for (const route of batch) {
    await renderPage(route);
    // Back to the event loop between pages. Nothing here waits for I/O, so without it the loop
    // never reaches its timers, and whatever a timer holds stays alive until the thread ends:
    // when prerendering's requests still had 10-second timeouts, that was about 7 KB a page
    // (335 MB for 50,000 pages). Any timer a page still leaves runs here, between pages.
    await setImmediate();
  }
}
// Without a listener the port no longer keeps the thread alive: it ends once it has answered.
parentPort?.off("message", onMessage);
parentPort?.postMessage({ hashes: template.hashes, pages, siblings } satisfies PrerenderResult);
