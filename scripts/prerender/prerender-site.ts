import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { build } from "vite";
import type { Content } from "../content/load-content.ts";
import type { PageTemplate } from "./page-template.ts";
import type { PrerenderJob, PrerenderResult } from "./prerender-worker.ts";

/**
 * Stage after emit: builds the server entry and the prerendering thread with Vite's SSR build,
 * then renders every route the content defines into static HTML (`/`, each topic, each story,
 * and 404.html) on one thread per core, and returns the CSP hashes of the inline code those
 * pages carry. The threads read the API from the files the emit stage wrote into outDir.
 */

export type Route = { url: string | null; file: string };

export function routesOf(content: Content): Route[] {
  return [
    { url: "/", file: "index.html" },
    ...content.topics.map((topic) => ({
      url: `/topics/${topic.slug}`,
      file: `topics/${topic.slug}.html`,
    })),
    ...content.stories.map((story) => ({
      url: `/stories/${story.id}`,
      file: `stories/${story.id}.html`,
    })),
    // Rendered through the catch-all route; `url: null` tells the client not to hydrate it,
    // since it is served for every unknown address.
    { url: null, file: "404.html" },
  ];
}

/** Builds the server bundle (entry-server.js and prerender-worker.js) into a new folder. */
export async function buildServerBundle(root: string): Promise<string> {
  // Inside the project, so the server bundle resolves react & co. from node_modules.
  const ssrDir = await mkdtemp(path.join(root, ".dispatch-ssr-"));
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

function runWorker(ssrDir: string, job: PrerenderJob): Promise<PrerenderResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(ssrDir, "prerender-worker.js"), { workerData: job });
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

/** Renders `routes` into outDir with the server bundle in ssrDir, one thread per core. */
export async function renderRoutes(
  ssrDir: string,
  outDir: string,
  routes: readonly Route[],
): Promise<PageTemplate["hashes"]> {
  await mkdir(path.join(outDir, "topics"), { recursive: true });
  await mkdir(path.join(outDir, "stories"), { recursive: true });
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(routes.length / 200)));
  // Every thread gets one of every `threads` routes, so fronts and stories spread evenly.
  const shares = Array.from({ length: threads }, (_, thread) =>
    routes.filter((_route, index) => index % threads === thread),
  );
  const results = await Promise.all(
    shares.map((share) => runWorker(ssrDir, { outDir, routes: share })),
  );
  return (results[0] as PrerenderResult).hashes;
}

export async function prerenderSite(options: {
  root: string;
  outDir: string;
  content: Content;
}): Promise<{ pages: number; hashes: PageTemplate["hashes"] }> {
  const { root, outDir, content } = options;
  const ssrDir = await buildServerBundle(root);
  try {
    const routes = routesOf(content);
    const hashes = await renderRoutes(ssrDir, outDir, routes);
    return { pages: routes.length, hashes };
  } finally {
    await rm(ssrDir, { recursive: true, force: true });
  }
}
