import { fork } from "node:child_process";
import { cp, mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { setPriority } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleServiceWorker, SERVICE_WORKER_TEMPLATE } from "../offline/service-worker.ts";
import { sha1, temporaryPath } from "../shared/build-cache.ts";
import { siteUrlFromEnv } from "../syndication/site-url.ts";
import { buildServerBundle } from "./prerender-site.ts";

/**
 * The client build, the server bundle and the service worker (before its precache list is
 * written in) depend only on the code, not on the content, so they are cached in
 * `.cache/app/<hash of every source and config file>/`: after a story is added or edited, no
 * Vite build runs again.
 */

const SOURCES = ["src", "scripts", "public"];
const CONFIG = ["index.html", "vite.config.ts", "package-lock.json", "tsconfig.json"];

async function filesUnder(root: string, entry: string): Promise<string[]> {
  const full = path.join(root, entry);
  const info = await stat(full).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [entry];
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  return (
    entries
      // scripts/bench has packages of its own (Lighthouse: 8,000 files), which no build reads.
      .filter((item) => item.isFile() && !item.parentPath.split(path.sep).includes("node_modules"))
      .map((item) => path.relative(root, path.join(item.parentPath, item.name)))
      .sort()
  );
}

/**
 * A hash of every file the two Vite builds can depend on, the Node version and SITE_URL (which
 * vite.config.ts defines into both bundles for canonical links and Open Graph).
 */
export async function appKey(root: string): Promise<string> {
  const files = (
    await Promise.all([...SOURCES, ...CONFIG].map((entry) => filesUnder(root, entry)))
  ).flat();
  const parts = await Promise.all(
    files.map(async (file) => `${file}\0${sha1(await readFile(path.join(root, file)))}`),
  );
  return sha1([process.version, siteUrlFromEnv(process.env), ...parts].join("\n")).slice(0, 20);
}

/**
 * Puts the client build into outDir and returns the folder of the server bundle, the bundled
 * service worker and the page template, from the cache or by building them. `key`:
 * appKey(root). The client build's files (favicon.svg, assets/) are none of the content
 * stage's, which writes into outDir meanwhile. Its index.html is the template every page is
 * rendered into, read from the cache and never copied: outDir's index.html is the front page,
 * which may be in place already (linked from the build cache) when the copy runs: copied over
 * it and then deleted as the template, it left a site with no front page.
 */
export async function appBuild(
  root: string,
  cacheDir: string,
  outDir: string,
  key: string,
): Promise<{ key: string; ssrDir: string; serviceWorkerTemplate: string; templateHtml: string }> {
  const appsDir = path.join(cacheDir, "app");
  const cached = path.join(appsDir, key);
  const built = {
    key,
    ssrDir: path.join(cached, "ssr"),
    serviceWorkerTemplate: path.join(cached, "service-worker", SERVICE_WORKER_TEMPLATE),
  };
  if (!(await stat(path.join(built.ssrDir, "prerender-worker.js")).catch(() => undefined))) {
    await buildAppInChildProcess(root, cacheDir, key);
  }
  const client = path.join(cached, "client");
  const template = path.join(client, "index.html");
  await cp(client, outDir, { recursive: true, filter: (source) => source !== template });
  return { ...built, templateHtml: await readFile(template, "utf8") };
}

/**
 * The Vite builds run in a process of their own: the bundlers keep about 400 MB after they
 * finish, which in the build's own process stayed taken while a large archive was loaded
 * (at 100,000 stories the content stage then peaked at 1 GB). The build's process loads and
 * emits the content meanwhile, on a core the bundler leaves free much of the time.
 */
function buildAppInChildProcess(root: string, cacheDir: string, key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // fork passes on this process's Node options, tsx's loader among them.
    const child = fork(fileURLToPath(new URL("./app-build-process.ts", import.meta.url)), [
      root,
      cacheDir,
      key,
    ]);
    // The content stage (one thread) is the longer of the two at scale, and the bundler's
    // threads took turns on its core: loading 100,000 stories took 14.4 s beside them, and
    // 8.2 s with the bundler behind it in the queue, on the other core (at 20,000 the bundler
    // still ends before the content stage does).
    if (child.pid !== undefined) setPriority(child.pid, 10);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`the app's Vite builds failed (${signal ?? `exit code ${code}`}); see above`),
        );
    });
  });
}

/**
 * Builds the code into the cache entry `.cache/app/<key>/`: the client, the bundled service
 * worker (before its precache list is written in) and the server bundle.
 */
export async function buildApp(root: string, cacheDir: string, key: string): Promise<void> {
  // Vite is loaded only when code changed: importing it takes most of a second, which a
  // build after a content edit (the app from the cache) does not need to spend.
  const { build } = await import("vite");
  const entry = temporaryPath(path.join(cacheDir, "app-building"));
  const client = path.join(entry, "client");
  await build({
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: client, emptyOutDir: true },
  });
  await bundleServiceWorker(root, path.join(entry, "service-worker"));
  await buildServerBundle(root, path.join(entry, "ssr"));
  // Older builds of the code are of no more use: keep one, the current. The entry moves in
  // whole, so one with a server bundle is complete.
  const appsDir = path.join(cacheDir, "app");
  await rm(appsDir, { recursive: true, force: true });
  await mkdir(appsDir, { recursive: true });
  await rename(entry, path.join(appsDir, key));
}
