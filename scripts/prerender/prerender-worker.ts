import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { prerender, serveApiFrom } from "../../src/app/entry-server.tsx";
import { ObjectStore } from "../content/build-cache.ts";
import { eachLimit } from "../content/map-limit.ts";
import { createPageTemplate } from "./page-template.ts";

/**
 * One prerendering thread (bundled with the server entry by Vite's SSR build, so it runs as
 * plain JavaScript). It renders the routes it is given into outDir, answering the app's API
 * requests from the files the emit stage has already written there, so no thread holds the
 * whole API in memory. Each page goes through the build cache's object store.
 */

export type PrerenderJob = {
  outDir: string;
  cacheDir: string;
  /** The client build's index.html. */
  templateHtml: string;
  routes: { url: string | null; file: string; key: string; render?: string }[];
};

export type PrerenderResult = {
  hashes: { scripts: string[]; styles: string[] };
  /** Page key -> the stored page's hash, for the next build. */
  pages: [string, string][];
};

// Loaders wait for file reads: a few pages in flight keep the thread busy rendering.
const PAGES_IN_FLIGHT = 4;

const { outDir, cacheDir, templateHtml, routes } = workerData as PrerenderJob;
const API_URL = /^\/(api|archive)\/[a-z0-9/._-]+\.json$/;
const store = new ObjectStore(cacheDir);

const readApi = (url: string) => readFile(path.join(outDir, url), "utf8").catch(() => undefined);
// Every story page asks for the topics, every feed page for the highlights: those few files
// are read once per thread, not once per page.
const sharedFiles = new Map<string, Promise<string | undefined>>();
serveApiFrom(async (url) => {
  if (!API_URL.test(url) || url.includes("..")) return undefined;
  if (url.startsWith("/api/stories/")) return readApi(url);
  let body = sharedFiles.get(url);
  if (!body) {
    body = readApi(url);
    sharedFiles.set(url, body);
  }
  return body;
});

const template = createPageTemplate(templateHtml, (href) =>
  readFileSync(path.join(outDir, href), "utf8"),
);

const pages: [string, string][] = [];
await eachLimit(routes, PAGES_IN_FLIGHT, async ({ url, file, key, render }) => {
  const page = await prerender(render ?? url ?? "/404");
  if (page.status !== 200) {
    throw new Error(`prerendering ${file} failed with status ${page.status}`);
  }
  const html = template.render({ url, appHtml: page.html, state: page.state });
  pages.push([key, await store.put(path.join(outDir, file), html, true)]);
});
parentPort?.postMessage({ hashes: template.hashes, pages } satisfies PrerenderResult);
