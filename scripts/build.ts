/**
 * `npm run build`: validate the content, build the client, emit the static JSON API and the
 * images, prerender every page and write the hosts' `_headers` file. Everything is written to
 * a staging folder that replaces dist/ only when all steps succeed, so a failed build never
 * leaves output that looks complete. Files come through the content-addressed build cache in
 * `.cache/` (scripts/content/build-cache.ts): only changed files are stored again, and only
 * pages whose data or code changed are rendered again.
 */
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { CACHE_DIR, ObjectStore } from "./content/build-cache.ts";
import { formatContentError } from "./content/content-error.ts";
import { apiFiles, emitSite } from "./content/emit.ts";
import { loadContent } from "./content/load-content.ts";
import { emitResponsiveImages } from "./images/responsive-images.ts";
import { appBuild } from "./prerender/app-build.ts";
import { headersFile } from "./prerender/headers.ts";
import { prerenderSite } from "./prerender/prerender-site.ts";

const root = process.cwd();
const dataDir = process.env.DATA_DIR ?? "data";
const outDir = path.resolve(root, process.env.OUT_DIR ?? "dist");
// BUILD_CACHE_DIR: another cache inside the project (the benchmark starts each archive cold).
const cacheDir = path.resolve(root, process.env.BUILD_CACHE_DIR ?? CACHE_DIR);

const started = performance.now();
const stages: string[] = [];
let last = started;
const stage = (name: string) => {
  const now = performance.now();
  stages.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
  last = now;
};

const result = await loadContent(dataDir);
for (const warning of result.warnings) console.warn(`warning: ${formatContentError(warning)}`);
if (!result.ok) {
  for (const error of result.errors) console.error(formatContentError(error));
  console.error(
    `build failed: ${result.errors.length} content error(s) in ${dataDir}; ${path.relative(root, outDir)}/ was not changed`,
  );
  process.exit(1);
}
stage("content");

// Staging sits beside dist/ so the final rename stays on one file system.
let pages = 0;
let rendered = 0;
const staging = await mkdtemp(path.join(path.dirname(outDir), ".dispatch-build-"));
try {
  const app = await appBuild(root, cacheDir, staging);
  stage("app");
  const store = new ObjectStore(cacheDir);
  // Pages are keyed by the API files they show; archive pages are shown by no prerendered page.
  const apiHashes = new Map<string, string>();
  await emitSite(result.content, staging, apiFiles(result.content), async (target, json, key) => {
    const hash = await store.put(target, json);
    if (!key.startsWith("archive/")) apiHashes.set(key, hash);
  });
  await emitResponsiveImages(result.content, staging, cacheDir);
  stage("api and images");
  const prerendered = await prerenderSite({
    outDir: staging,
    cacheDir,
    content: result.content,
    app,
    apiHashes,
  });
  stage("pages");
  await writeFile(path.join(staging, "_headers"), headersFile(prerendered.hashes));
  pages = prerendered.pages;
  rendered = prerendered.rendered;
  const previous = `${outDir}.previous`;
  await rm(previous, { recursive: true, force: true });
  await rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, outDir);
  await rm(previous, { recursive: true, force: true });
  stage("swap");
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { stories, topics } = result.content;
console.log(
  `built ${path.relative(root, outDir)}/ from ${dataDir}: ${stories.length} stories, ${topics.length} topics, ${pages} prerendered pages (${rendered} rendered, ${pages - rendered} unchanged) in ${Math.round(performance.now() - started)} ms (${stages.join(", ")}; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
);
