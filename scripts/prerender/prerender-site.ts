import { readFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { API_PATHS, BREAKING_FEED } from "../../src/content/api-types.ts";
import { readIndex, sha1, writeIndex } from "../content/build-cache.ts";
import type { SiteOutput } from "../hosting/site-output.ts";
import { createPageTemplate, type PageTemplate } from "./page-template.ts";
import type { PrerenderJob, PrerenderResult } from "./prerender-worker.ts";

/**
 * Stage after emit: renders every route the content defines into static HTML (`/`, each
 * topic, each story, and 404.html) on one thread per core, and returns the CSP hashes of the
 * inline code those pages carry. The threads read the API from the files the emit stage wrote
 * (or kept: see SiteOutput). A page is rendered only if the app or the API files it shows
 * changed since a build cached it; otherwise the cached page is kept or linked into place.
 */

/** `url`: the address the page hydrates at, or null; `render`: the route rendered, if not `url`. */
type Route = { url: string | null; file: string; deps: string[]; render?: string };

/** The API files each page is rendered from (file paths inside dist/). */
function routesOf(topics: readonly string[], storyIds: readonly string[]): Route[] {
  const api = (url: string) => url.slice(1);
  const frame = [api(API_PATHS.topics), api(API_PATHS.breaking), api(API_PATHS.specialReports)];
  return [
    { url: "/", file: "index.html", deps: [...frame, api(API_PATHS.feedHead(BREAKING_FEED))] },
    ...topics.map((slug) => ({
      url: `/topics/${slug}`,
      file: `topics/${slug}.html`,
      deps: [...frame, api(API_PATHS.feedHead(slug))],
    })),
    // Story pages show no banner or Special Report (routes.tsx): only the topics and the story.
    ...storyIds.map((id) => ({
      url: `/stories/${id}`,
      file: `stories/${id}.html`,
      deps: [api(API_PATHS.topics), api(API_PATHS.story(id))],
    })),
    // The search page, prerendered without a query: it reads the words once the app runs.
    { url: "/search", file: "search.html", deps: frame },
    // The Saved page (its list is drawn in the browser) and the page the service worker
    // shows offline for a page it has no copy of (never hydrated: it is served at any address).
    { url: "/saved", file: "saved.html", deps: frame },
    { url: null, file: "offline.html", deps: frame, render: "/offline" },
    // Rendered through the catch-all route; `url: null` tells the client not to hydrate it,
    // since it is served for every unknown address.
    { url: null, file: "404.html", deps: frame, render: "/404" },
  ];
}

/** Builds the server bundle (entry-server.js and prerender-worker.js) into a new folder. */
export async function buildServerBundle(root: string): Promise<string> {
  // Inside the project, so the server bundle resolves react & co. from node_modules.
  const ssrDir = path.join(root, `.dispatch-ssr-${process.pid}`);
  // Loaded only when the code changed (see appBuild).
  const { build } = await import("vite");
  await build({
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
    build: {
      ssr: true,
      outDir: ssrDir,
      emptyOutDir: true,
      copyPublicDir: false,
      rolldownOptions: {
        input: {
          "entry-server": path.join(root, "src/app/entry-server.tsx"),
          "prerender-worker": path.join(root, "scripts/prerender/prerender-worker.ts"),
        },
      },
    },
  });
  return ssrDir;
}

const THREAD_HEAP_MB = 256;

function runWorker(ssrDir: string, job: PrerenderJob): Promise<PrerenderResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(ssrDir, "prerender-worker.js"), {
      workerData: job,
      // React's production build: left to the environment it was the development one, whose
      // element validation and owner stacks took two thirds of each page's rendering time.
      env: { ...process.env, NODE_ENV: "production" },
      // A thread holds a page at a time (its heap stays near 12 MB); bounded, V8 collects
      // sooner than it would for a heap it may grow at will, and peak memory stays predictable.
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    let result: PrerenderResult | undefined;
    worker.on("message", (message: PrerenderResult) => {
      result = message;
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (result) resolve(result);
      else
        reject(new Error(`a prerendering thread stopped (exit code ${code}) before it finished`));
    });
  });
}

export async function prerenderSite(options: {
  site: SiteOutput;
  cacheDir: string;
  /** Topic slugs and story ids, in content order. */
  topics: readonly string[];
  storyIds: readonly string[];
  /** The server bundle's folder and the hash of the code it was built from. */
  app: { key: string; ssrDir: string };
  /** The cache's page index for this site (one per output folder). */
  pagesIndex: string;
  /** Hashes of the API files written, by path inside outDir. */
  apiHashes: ReadonlyMap<string, string>;
}): Promise<{
  pages: number;
  rendered: number;
  hashes: PageTemplate["hashes"];
  /** Each story page's file and its search document's hash (the search index is built from them). */
  storyPages: [file: string, documentHash: string][];
}> {
  const { site, cacheDir, topics, storyIds, app, apiHashes } = options;
  const outDir = site.staging;
  // The client build's index.html is the template, not a page: the front page takes its place.
  const templateHtml = await readFile(path.join(outDir, "index.html"), "utf8");
  await rm(path.join(outDir, "index.html"));
  const indexFile = options.pagesIndex;
  const cachedPages = await readIndex(indexFile);
  // Page key -> "<stored page's hash>", or for a story page "<hash> <search document's hash>".
  const pages = new Map<string, string>();
  const routes = routesOf(topics, storyIds).map(({ deps, ...route }) => ({
    ...route,
    key: sha1(
      [app.key, route.render ?? route.url, ...deps.map((dep) => apiHashes.get(dep))].join("\n"),
    ),
  }));

  const toRender: typeof routes = [];
  for (const route of routes) {
    const entry = cachedPages.get(route.key);
    if (entry && site.place(entry.split(" ")[0] as string, route.file)) pages.set(route.key, entry);
    else toRender.push(route);
  }

  // No thread at all when nothing changed: starting one costs a second.
  const threads = Math.min(availableParallelism(), Math.ceil(toRender.length / 200));
  // Every thread gets one of every `threads` routes, so fronts and stories spread evenly.
  const shares = Array.from({ length: threads }, (_, thread) =>
    toRender.filter((_route, index) => index % threads === thread),
  );
  const results = await Promise.all(
    shares.map((share) =>
      runWorker(app.ssrDir, { outDir, liveDir: site.live, cacheDir, templateHtml, routes: share }),
    ),
  );
  const fileOf = new Map(toRender.map((route) => [route.key, route.file]));
  for (const result of results)
    for (const [key, hash, documentHash] of result.pages) {
      pages.set(key, documentHash ? `${hash} ${documentHash}` : hash);
      site.record(fileOf.get(key) as string, hash);
    }
  await writeIndex(indexFile, pages);
  // The inline code is the same on every page: its hashes come from the template itself.
  const template = createPageTemplate(templateHtml, (href) =>
    readFileSync(path.join(outDir, href), "utf8"),
  );
  const storyPages = routes
    .filter((route) => route.file.startsWith("stories/"))
    .map((route): [string, string] => [route.file, pages.get(route.key)?.split(" ")[1] ?? ""]);
  return { pages: routes.length, rendered: toRender.length, hashes: template.hashes, storyPages };
}
