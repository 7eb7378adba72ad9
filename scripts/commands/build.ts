// npm run build: checks the content and builds the site into dist/ (or $OUT_DIR)
/**
 * `npm run build`: validate the content, build the client, emit the static JSON API and the
 * images, prerender every page, write the hosts' `_headers`, `_nginx.conf` and `_varnish.vcl`
 * files and, beside every text file worth it, its brotli and gzip forms
 * (scripts/bundle/precompress.ts). New
 * and changed files are written to a staging folder, and the live site (dist/) changes only
 * when all steps succeed (scripts/shared/site-output.ts), so a failed build never leaves
 * output that looks complete. Files come through the content-addressed build cache in
 * `.cache/` (scripts/shared/build-cache.ts): only changed files are stored again, and only
 * pages whose data or code changed are rendered again.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { BREAKING_FEED } from "../../src/content/api-types.ts";
import { precompressSite } from "../bundle/precompress.ts";
import { formatContentError } from "../content/content-error.ts";
import { emitApi } from "../content/emit-api.ts";
import { loadContent } from "../content/load-content.ts";
import { pruneObjectsIfDue } from "../content/prune-objects.ts";
import { NGINX_CONFIG_FILE, nginxSiteConfig } from "../hosting/nginx-config.ts";
import { VARNISH_CONFIG_FILE, varnishSiteConfig } from "../hosting/varnish-config.ts";
import { emitResponsiveImages } from "../images/responsive-images.ts";
import { litePhotoSizes } from "../lite/lite-photo-sizes.ts";
import { litePhotoSizesInput } from "../lite/lite-routes.ts";
import { writeServiceWorker } from "../offline/service-worker.ts";
import { emitWebAppManifest } from "../offline/web-app-manifest.ts";
import { appBuild, appKey } from "../prerender/app-build.ts";
import { startPrerendering } from "../prerender/prerender-site.ts";
import { buildSearchIndex } from "../search/search-index.ts";
import { BASE_PATH_FILE, basePathFromEnv } from "../shared/base-path.ts";
import { CACHE_DIR, indexPath, ObjectStore, readIndex, writeIndex } from "../shared/build-cache.ts";
import { readyForHosting } from "../shared/deployable-output.ts";
import { headersFile } from "../shared/headers.ts";
import { ensureReleasesDir, STAGING_PREFIX } from "../shared/releases.ts";
import { SiteOutput } from "../shared/site-output.ts";
import { emitSyndication } from "../syndication/emit-syndication.ts";
import { siteUrlFromEnv } from "../syndication/site-url.ts";

// V8 lets a heap grow to up to four times what survived its last full collection before it
// collects again: loading 100,000 stories (about 100 MB alive) grew it past 300 MB, memory
// the process then kept for the rest of the build. Growing by 1.6 times kept the build's peak
// 60 to 180 MB lower in each stage, at no cost in time we could measure, and unlike a fixed
// limit (--max-old-space-size) it never stops the build of a larger archive. V8 reads the flag
// at each collection, and its flags are the process's: it holds for the prerendering threads.
setFlagsFromString("--heap-growing-percent=60");

const root = process.cwd();
const dataDir = process.env.DATA_DIR ?? "data";
const outDir = path.resolve(root, process.env.OUT_DIR ?? "dist");
// BUILD_CACHE_DIR: another cache inside the project (the benchmark starts each archive cold).
const cacheDir = path.resolve(root, process.env.BUILD_CACHE_DIR ?? CACHE_DIR);
// BASE_PATH: the folder the site is served under, `/` unless set (docs/hosting.md, Mirrors);
// SITE_URL: its origin. Checked before anything is built: a bad one is one line naming it.
let basePath: string;
let siteUrl: string;
try {
  basePath = basePathFromEnv(process.env);
  siteUrl = siteUrlFromEnv(process.env);
} catch (error) {
  console.error(`build failed: ${(error as Error).message}`);
  process.exit(1);
}
// Right for npm start and the tests, wrong on a public server, and nothing else would say so:
// search engines and feed readers would be sent to localhost.
if (!process.env.SITE_URL?.trim())
  console.warn(
    `warning: SITE_URL is not set: canonical links, feeds and sitemaps name ${siteUrl}; set it to the site's public origin (https://news.example.com) for a build you deploy (docs/hosting.md)`,
  );

const started = performance.now();
const stages: string[] = [];
let last = started;
const stage = (name: string) => {
  const now = performance.now();
  stages.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
  last = now;
};

// Staging is the next release's folder, beside the live one (scripts/shared/releases.ts).
const staging = await mkdtemp(path.join(await ensureReleasesDir(outDir), STAGING_PREFIX));
const site = await SiteOutput.open({
  store: new ObjectStore(cacheDir),
  staging,
  live: outDir,
  // One per output folder: builds of dist/ and dist-hostile/ keep each other's records.
  manifestFile: indexPath(cacheDir, "site", outDir),
});
async function fail(lines: string[]): Promise<never> {
  // Said first: removing the staging folder can fail too (a prerendering thread may still be
  // writing into it), and must not hide why the build stopped.
  for (const line of lines) console.error(line);
  await rm(staging, { recursive: true, force: true, maxRetries: 3 }).catch((error: Error) =>
    console.error(`could not remove the unfinished build ${staging}: ${error.message}`),
  );
  process.exit(1);
}
const failure = (error: unknown) => [
  `build failed: ${error instanceof Error ? error.message : String(error)}`,
];

// The app's Vite builds run in a process of their own (when the code changed since the cache
// last saw it) while this one loads and emits the content: the content depends on the code's
// key alone. A failed app build stops the build at once.
const appKeyed = await appKey(root);
const appBuilt = appBuild(root, cacheDir, staging, appKeyed).catch((error) => fail(failure(error)));

/**
 * Loads, checks and emits the content, and starts prerendering the pages as their API files
 * are made; only the routes' ids outlive it, so the stories are garbage while the threads
 * render the rest.
 */
async function emitContent() {
  // What builds of this code (its key: the schema among it) learned of the story files.
  const knownFile = indexPath(cacheDir, "stories", dataDir);
  const known = await readIndex(knownFile);
  const result = await loadContent(dataDir, known.get("code") === appKeyed ? known : new Map());
  for (const warning of result.warnings) console.warn(`warning: ${formatContentError(warning)}`);
  if (!result.ok) {
    return fail([
      ...result.errors.map(formatContentError),
      `build failed: ${result.errors.length} content error(s) in ${dataDir}; ${path.relative(root, outDir)}/ was not changed`,
    ]);
  }
  stage("content");
  await writeIndex(knownFile, new Map([["code", appKeyed], ...result.known]));
  const { content } = result;
  const topics = content.topics.map((topic) => topic.slug);
  const storyIds = content.cards.map((story) => story.id);
  const feedTotals = new Map<string, number>([[BREAKING_FEED, storyIds.length]]);
  for (const story of content.cards)
    for (const topic of new Set(story.topics))
      feedTotals.set(topic, (feedTotals.get(topic) ?? 0) + 1);
  const prerendering = await startPrerendering({
    site,
    cacheDir,
    topics,
    storyIds,
    feedTotals,
    appKey: appKeyed,
    app: appBuilt,
    // One index per output folder: builds of dist/ and dist-hostile/ keep each other's pages.
    pagesIndex: indexPath(cacheDir, "pages", outDir),
  });
  await emitApi(content, site, {
    indexFile: indexPath(cacheDir, "api", outDir),
    code: appKeyed,
    onFile: prerendering.apiFile,
  });
  await emitResponsiveImages(content, staging, cacheDir);
  for (const [id, sizes] of await litePhotoSizes(content, staging))
    prerendering.apiFile(litePhotoSizesInput(id), sizes);
  // After the images: the feeds name the built lead-photo variant and its size.
  await emitSyndication(content, staging);
  stage("api, images and feeds");
  return {
    prerendering,
    topics,
    storyIds,
    // The search index shards story pages by publication order (scripts/search/search-index.ts).
    storyDates: new Map(
      content.cards.map((story) => [`stories/${story.id}.html`, story.publishedAt]),
    ),
  };
}

function removeInBackground(folder: string): void {
  spawn(
    process.execPath,
    ["-e", "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", folder],
    { detached: true, stdio: "ignore" },
  ).unref();
}

let pages = 0;
let rendered = 0;
let published: { moved: number; deleted: number } | undefined;
let emitted: Awaited<ReturnType<typeof emitContent>> | undefined;
let searched: Awaited<ReturnType<typeof buildSearchIndex>> | undefined;
let squeezed: Awaited<ReturnType<typeof precompressSite>> | undefined;
try {
  emitted = await emitContent();
  const app = await appBuilt;
  // What is left of the app's build once the content is emitted: nothing, when it was cached.
  stage("app");
  // What is left of prerendering once the API is made.
  const prerendered = await emitted.prerendering.finish();
  stage("pages");
  searched = await buildSearchIndex({
    site,
    storyPages: prerendered.storyPages.map(([file, documentHash]) => ({
      file,
      documentHash,
      publishedAt: emitted?.storyDates.get(file) ?? "",
    })),
    indexFile: indexPath(cacheDir, "search", outDir),
  });
  stage("search index");
  // Last, over the finished site: the worker precaches pages prerendered just now.
  await emitWebAppManifest(root, staging, basePath);
  await writeServiceWorker(staging, app.serviceWorkerTemplate);
  stage("service worker");
  await writeFile(path.join(staging, "_headers"), headersFile(prerendered.hashes, basePath));
  await writeFile(
    path.join(staging, NGINX_CONFIG_FILE),
    nginxSiteConfig(prerendered.hashes, basePath),
  );
  // What npm start and serve:nginx read to serve the build under its base; a build at the
  // root has none, as before base paths.
  if (basePath !== "/") await writeFile(path.join(staging, BASE_PATH_FILE), `${basePath}\n`);
  await writeFile(path.join(staging, VARNISH_CONFIG_FILE), varnishSiteConfig());
  await readyForHosting(staging, outDir);
  // Last: the siblings are made from every other stage's files (the worker and feeds too).
  squeezed = await precompressSite(
    site,
    indexPath(cacheDir, "compressed", outDir),
    prerendered.siblings,
  );
  stage("precompression");
  pages = prerendered.pages;
  rendered = prerendered.rendered;
  const committed = await site.commit();
  // Old releases are deleted by a detached process: unlinking a large archive takes longer
  // than building its changes, and the new site is already live.
  for (const folder of committed.stale) removeInBackground(folder);
  published = committed;
  // How many unchanged files the new release links from the live one: what a publish costs
  // beyond the files it writes.
  stage(`switch (${committed.linked} unchanged files linked)`);
  // Once a day: without it the cache keeps every version of every file ever built.
  const pruned = await pruneObjectsIfDue(path.join(cacheDir, "objects"));
  if (pruned) {
    stage("cache pruning");
    console.log(
      `build cache: removed ${pruned.removed} files no built site has used for a week (${(pruned.bytes / 1e6).toFixed(1)} MB), kept ${pruned.kept}`,
    );
  }
} catch (error) {
  await fail(failure(error));
}

console.log(
  `built ${path.relative(root, outDir)}/ from ${dataDir}: ${emitted?.storyIds.length} stories, ${emitted?.topics.length} topics, ${pages} prerendered pages (${rendered} rendered, ${pages - rendered} unchanged; ${searched?.indexed} of ${searched?.shards} search shards indexed; ${squeezed?.compressed} of ${squeezed?.siblings} .br/.gz siblings compressed; ${published?.moved} files written, ${published?.deleted} deleted) in ${Math.round(performance.now() - started)} ms (${stages.join(", ")}; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
);
