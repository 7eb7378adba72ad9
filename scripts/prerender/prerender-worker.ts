import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { prerender, serveApiFrom } from "../../src/app/entry-server.tsx";
import { eachLimit } from "../content/map-limit.ts";
import { createPageTemplate } from "./page-template.ts";

/**
 * One prerendering thread (bundled with the server entry by Vite's SSR build, so it runs as
 * plain JavaScript). It renders the routes it is given into outDir, answering the app's API
 * requests from the files the emit stage has already written there, so no thread holds the
 * whole API in memory.
 */

export type PrerenderJob = {
  outDir: string;
  routes: { url: string | null; file: string }[];
};

export type PrerenderResult = { hashes: { scripts: string[]; styles: string[] } };

// Loaders wait for file reads: a few pages in flight keep the thread busy rendering.
const PAGES_IN_FLIGHT = 4;

const { outDir, routes } = workerData as PrerenderJob;
const API_URL = /^\/(api|archive)\/[a-z0-9/._-]+\.json$/;

serveApiFrom(async (url) =>
  API_URL.test(url) && !url.includes("..")
    ? readFile(path.join(outDir, url), "utf8").catch(() => undefined)
    : undefined,
);

const template = createPageTemplate(readFileSync(path.join(outDir, "index.html"), "utf8"), (href) =>
  readFileSync(path.join(outDir, href), "utf8"),
);

await eachLimit(routes, PAGES_IN_FLIGHT, async ({ url, file }) => {
  const page = await prerender(url ?? "/404");
  if (page.status !== 200) {
    throw new Error(`prerendering ${url ?? "404.html"} failed with status ${page.status}`);
  }
  await writeFile(
    path.join(outDir, file),
    template.render({ url, appHtml: page.html, state: page.state }),
  );
});
parentPort?.postMessage({ hashes: template.hashes } satisfies PrerenderResult);
