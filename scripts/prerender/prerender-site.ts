import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { API_PATHS, BREAKING_FEED } from "../../src/content/api-types.ts";
import { stripBasePath } from "../../src/shared/base-path.ts";
import { type MadeSibling, NONE } from "../bundle/precompress.ts";
import { liteRoutes } from "../lite/lite-routes.ts";
import { LITE_STYLE } from "../lite/lite-style.ts";
import { basePathFromEnv } from "../shared/base-path.ts";
import { readIndex, sha1, writeIndex } from "../shared/build-cache.ts";
import type { SiteOutput } from "../shared/site-output.ts";
import { createPageTemplate, cspHash, type PageTemplate } from "./page-template.ts";
import type {
  PrerenderJob,
  PrerenderMessage,
  PrerenderResult,
  PrerenderRoute,
} from "./prerender-worker.ts";

/**
 * Prerendering, beside the API stage and after it: renders every route the content defines
 * into static HTML (`/`, each topic, each story, and 404.html) on one thread per core, and
 * returns the CSP hashes of the inline code those pages carry. The threads read the API from
 * the files the API stage wrote (or kept: see SiteOutput), each page as soon as its files are
 * there: the build's own thread, making the API, kept one core of two busy for 15 s of a
 * 100,000-story build while the other waited. A page is rendered only if the app or the API
 * files it shows changed since a build cached it; otherwise the cached page is kept or linked
 * into place.
 */

/** `url`: the address the page hydrates at, or null; `render`: the route rendered, if not `url`. */
type Route = { url: string | null; file: string; deps: string[]; render?: string };

/** The API files each page is rendered from (file paths inside dist/). */
function routesOf(
  topics: readonly string[],
  storyIds: readonly string[],
  feedTotals: ReadonlyMap<string, number>,
): Route[] {
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
    // The lite pages (scripts/lite), never hydrated.
    ...liteRoutes(
      [BREAKING_FEED, ...topics].map((feed) => ({ feed, total: feedTotals.get(feed) ?? 0 })),
      storyIds,
    ).map((route) => ({ url: null, ...route })),
  ];
}

/**
 * Builds the server bundle (entry-server.js and prerender-worker.js) into ssrDir. Every package
 * it uses is bundled in (`noExternal`): the bundle is kept in the build cache, which may be
 * anywhere on the machine (BUILD_CACHE_DIR) or restored into another checkout, and a bundle
 * that imported react & co. by name found them only from a cache inside the project.
 */
export async function buildServerBundle(root: string, ssrDir: string): Promise<void> {
  // Loaded only when the code changed (see appBuild).
  const { build } = await import("vite");
  await build({
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
    ssr: { noExternal: true },
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
}

const THREAD_HEAP_MB = 256;
/** Routes sent to a thread at a time: one message per page cost more than its rendering. */
const BATCH = 64;
/** A thread for every this many pages to render (one costs a second to start), up to a core each. */
const PAGES_PER_THREAD = 200;

/** `templateHtml`: the client build's index.html, which every page is rendered into. */
type App = { key: string; ssrDir: string; templateHtml: string };

/** A prerendering thread, fed routes as they become ready (see prerender-worker.ts). */
class RenderThread {
  readonly result: Promise<PrerenderResult>;
  private readonly worker: Worker;
  private batch: PrerenderRoute[] = [];

  constructor(ssrDir: string, job: PrerenderJob) {
    this.worker = new Worker(path.join(ssrDir, "prerender-worker.js"), {
      workerData: job,
      // React's production build: left to the environment it was the development one, whose
      // element validation and owner stacks took two thirds of each page's rendering time.
      env: { ...process.env, NODE_ENV: "production" },
      // A thread holds a page at a time (its heap stays near 12 MB); bounded, V8 collects
      // sooner than it would for a heap it may grow at will, and peak memory stays predictable.
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    this.result = new Promise((resolve, reject) => {
      let result: PrerenderResult | undefined;
      this.worker.on("message", (message: PrerenderResult) => {
        result = message;
      });
      this.worker.on("error", reject);
      this.worker.on("exit", (code) => {
        if (result) resolve(result);
        else
          reject(new Error(`a prerendering thread stopped (exit code ${code}) before it finished`));
      });
    });
    // Seen when finish() awaits it; until then a thread that failed must not end the process
    // as an unhandled rejection.
    this.result.catch(() => {});
  }

  render(route: PrerenderRoute): void {
    this.batch.push(route);
    if (this.batch.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage({ routes: this.batch } satisfies PrerenderMessage);
    this.batch = [];
  }

  /** No more routes: the thread renders what it has, answers and ends. */
  finish(): Promise<PrerenderResult> {
    this.flush();
    this.worker.postMessage({ routes: [], done: true } satisfies PrerenderMessage);
    return this.result;
  }
}

export type Prerendering = {
  /**
   * An API file's hash (every file a page shows, made or kept): each page is rendered, or
   * placed from the cache, as soon as the hashes of all its files are known.
   */
  apiFile(file: string, hash: string): void;
  /** Waits for the pages once every API file has been told. */
  finish(): Promise<{
    pages: number;
    rendered: number;
    hashes: PageTemplate["hashes"];
    /** Each story page's file and its search document's hash (the search index is made from them). */
    storyPages: [file: string, documentHash: string][];
    /** The rendered pages' compressed siblings, recorded into the site (for precompressSite). */
    siblings: MadeSibling[];
  }>;
};

/**
 * Starts prerendering while the API is still being made: a page is keyed, and rendered or
 * placed, once the API files it shows are known, so the threads render the first stories
 * while the build's own thread still writes the later ones' files. The threads start once the
 * app's build (`app`) is there: the pages ready before then wait for it.
 */
export async function startPrerendering(options: {
  site: SiteOutput;
  cacheDir: string;
  /** Topic slugs and story ids, in content order. */
  topics: readonly string[];
  storyIds: readonly string[];
  /** How many stories each feed (Breaking News, each topic) holds: which lite pages there are. */
  feedTotals: ReadonlyMap<string, number>;
  /** The hash of the code (the app's key): a part of every page's key. */
  appKey: string;
  /** The server bundle's folder, when the app's build is there. */
  app: Promise<App>;
  /** The cache's page index for this site (one per output folder). */
  pagesIndex: string;
}): Promise<Prerendering> {
  const { site, cacheDir, topics, storyIds, appKey } = options;
  const outDir = site.staging;
  const cachedPages = await readIndex(options.pagesIndex);
  // Page key -> "<stored page's hash>", or for a story page "<hash> <search document's hash>".
  const pages = new Map<string, string>();
  const fileOf = new Map<string, string>();
  const keyOf = new Map<Route, string>();
  const routes = routesOf(topics, storyIds, options.feedTotals);
  const apiHashes = new Map<string, string>();
  // The routes each API file is waited for by, and how many files each route still waits for.
  const waitingFor = new Map<string, Route[]>();
  const missing = new Map<Route, number>();
  for (const route of routes) {
    missing.set(route, route.deps.length);
    for (const dep of route.deps) {
      const waiting = waitingFor.get(dep) ?? [];
      waiting.push(route);
      waitingFor.set(dep, waiting);
    }
  }

  const threads: RenderThread[] = [];
  let app: App | undefined;
  const toRender: PrerenderRoute[] = [];
  let started = 0;
  const maxThreads = availableParallelism();
  // Round robin: every thread gets one of every `threads.length` routes, fronts and stories alike.
  const dispatch = () => {
    if (!app) return;
    for (; started < toRender.length; started++) {
      const wanted = Math.min(maxThreads, Math.ceil((started + 1) / PAGES_PER_THREAD));
      while (threads.length < wanted) {
        threads.push(
          new RenderThread(app.ssrDir, {
            outDir,
            liveDir: site.live,
            cacheDir,
            templateHtml: app.templateHtml,
          }),
        );
      }
      threads[started % threads.length]?.render(toRender[started] as PrerenderRoute);
    }
  };
  const appReady = options.app.then((built) => {
    app = built;
    dispatch();
    return app;
  });
  // Its failure is seen by finish(), which awaits it; until then it must not end the process
  // as an unhandled rejection.
  appReady.catch(() => {});

  const ready = (route: Route) => {
    const key = sha1(
      [appKey, route.render ?? route.url, ...route.deps.map((dep) => apiHashes.get(dep))].join(
        "\n",
      ),
    );
    keyOf.set(route, key);
    const entry = cachedPages.get(key);
    if (entry && site.place(entry.split(" ")[0] as string, route.file)) {
      pages.set(key, entry);
      return;
    }
    fileOf.set(key, route.file);
    toRender.push({ url: route.url, file: route.file, key, render: route.render });
    dispatch();
  };

  return {
    apiFile(file, hash) {
      apiHashes.set(file, hash);
      const waiting = waitingFor.get(file);
      if (!waiting) return;
      waitingFor.delete(file);
      for (const route of waiting) {
        const left = (missing.get(route) ?? 0) - 1;
        missing.set(route, left);
        if (left === 0) ready(route);
      }
    },

    async finish() {
      if (waitingFor.size > 0) {
        throw new Error(
          `prerendering: no API file ${[...waitingFor.keys()].slice(0, 3).join(", ")} for the pages that show it`,
        );
      }
      const { templateHtml } = await appReady;
      const results = await Promise.all(threads.map((thread) => thread.finish()));
      const siblings: MadeSibling[] = [];
      for (const result of results) {
        for (const [key, hash, documentHash] of result.pages) {
          pages.set(key, documentHash ? `${hash} ${documentHash}` : hash);
          site.record(fileOf.get(key) as string, hash);
        }
        for (const sibling of result.siblings) {
          const [file, , hash] = sibling;
          if (hash !== NONE) site.record(file, hash);
          siblings.push(sibling);
        }
      }
      await writeIndex(options.pagesIndex, pages);
      // The inline code is the same on every page: its hashes come from the template itself.
      // It names its stylesheet under the base path; the file is at its path in the site.
      const base = basePathFromEnv(process.env);
      const template = createPageTemplate(templateHtml, (href) =>
        readFileSync(path.join(outDir, stripBasePath(base, href) ?? href), "utf8"),
      );
      const storyPages = routes
        .filter((route) => route.file.startsWith("stories/"))
        .map((route): [string, string] => [
          route.file,
          pages.get(keyOf.get(route) ?? "")?.split(" ")[1] ?? "",
        ]);
      return {
        pages: routes.length,
        rendered: toRender.length,
        // The lite pages' stylesheet too: their one script is the template's text-size script.
        hashes: { ...template.hashes, styles: [...template.hashes.styles, cspHash(LITE_STYLE)] },
        storyPages,
        siblings,
      };
    },
  };
}
