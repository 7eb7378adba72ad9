/**
 * The service worker is src/service-worker/service-worker.ts, made of Workbox's runtime
 * modules. Vite bundles it with the app's code (scripts/prerender/app-build.ts caches it
 * there), and every build ends by writing the precache list into it where
 * `self.__WB_MANIFEST` stands, as Workbox's injectManifest does: the offline page, Saved and
 * 404.html are prerendered after Vite, so only then are they there to list. (workbox-build,
 * which does both, brings Babel and Rollup: 313 packages for what is done here in two steps.)
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { SERVICE_WORKER_PATH } from "../../src/shared/offline-storage.ts";
import { basePathFromEnv } from "../shared/base-path.ts";
import { sha1 } from "../shared/build-cache.ts";
import { ICONS, MANIFEST_FILE } from "./web-app-manifest.ts";

const SOURCE = "src/service-worker/service-worker.ts";
/** The bundled worker before its precache list is written in. */
export const SERVICE_WORKER_TEMPLATE = "service-worker-template.js";
/** Where the list goes: the one place the worker's source reads it. */
export const MANIFEST_PLACEHOLDER = "self.__WB_MANIFEST";

/** Pages installed with the worker, so that they work with no connection at all. */
export const SHELL_PAGES = ["offline.html", "saved.html", "404.html"];

export type PrecacheEntry = { url: string; revision: string | null };

/** Bundles the worker into `dir` (one classic script: every browser runs those as workers). */
export async function bundleServiceWorker(root: string, dir: string): Promise<void> {
  // Loaded only when the code changed (see appBuild).
  const { build } = await import("vite");
  await build({
    configFile: false,
    root,
    // Its routes name paths under the site's base path (src/shared/with-base.ts).
    base: basePathFromEnv(process.env),
    logLevel: "warn",
    resolve: { alias: { "@": path.join(root, "src") } },
    // Workbox keeps its development logging behind this test.
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: dir,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: {
        entry: path.join(root, SOURCE),
        formats: ["iife"],
        name: "dispatchServiceWorker",
        fileName: () => SERVICE_WORKER_TEMPLATE,
      },
    },
  });
}

/**
 * The app's code and styles (hashed names: no revision needed), the shell pages, the web app
 * manifest and its icons. The shell pages are revised with the app's code, not with their
 * every byte: they show the topics and the Breaking News banner, and a worker revised by each
 * publication would put the update notice before readers every time a story breaks. Sorted,
 * so the order of files on disk never changes the worker.
 */
export async function precacheEntries(siteDir: string): Promise<PrecacheEntry[]> {
  const assets = (await readdir(path.join(siteDir, "assets")))
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => `assets/${name}`)
    .sort();
  const code = sha1(assets.join("\n")).slice(0, 20);
  const files = ["favicon.svg", MANIFEST_FILE, ...ICONS.map((icon) => icon.file)];
  const entries: PrecacheEntry[] = [
    ...assets.map((url) => ({ url, revision: null })),
    ...SHELL_PAGES.map((url) => ({ url, revision: code })),
    ...(await Promise.all(
      files.map(async (url) => ({
        url,
        revision: sha1(await readFile(path.join(siteDir, url))).slice(0, 20),
      })),
    )),
  ];
  return entries.sort((a, b) => (a.url < b.url ? -1 : 1));
}

/** Writes `sw.js` into the finished site from the bundled template. */
export async function writeServiceWorker(siteDir: string, template: string): Promise<void> {
  const text = await readFile(template, "utf8");
  const places = text.split(MANIFEST_PLACEHOLDER).length - 1;
  if (places !== 1) {
    throw new Error(
      `${template}: expected "${MANIFEST_PLACEHOLDER}" once in the bundled service worker, found it ${places} times`,
    );
  }
  const entries = JSON.stringify(await precacheEntries(siteDir));
  // A function as the replacement: "$" in the list must not be read as a pattern.
  await writeFile(
    path.join(siteDir, SERVICE_WORKER_PATH.slice(1)),
    text.replace(MANIFEST_PLACEHOLDER, () => entries),
  );
}
