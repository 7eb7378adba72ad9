/**
 * `npm run build`: validate the content, build the client, emit the static JSON API and the
 * images, prerender every page and write the hosts' `_headers` file. Everything is written to
 * a staging folder that replaces dist/ only when all steps succeed, so a failed build never
 * leaves output that looks complete.
 */
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "vite";
import { formatContentError } from "./content/content-error.ts";
import { buildApi, emitSite } from "./content/emit.ts";
import { loadContent } from "./content/load-content.ts";
import { emitResponsiveImages } from "./images/responsive-images.ts";
import { headersFile } from "./prerender/headers.ts";
import { prerenderSite } from "./prerender/prerender-site.ts";
import { emitSyndication } from "./syndication/emit-syndication.ts";

const root = process.cwd();
const dataDir = process.env.DATA_DIR ?? "data";
const outDir = path.resolve(root, process.env.OUT_DIR ?? "dist");

const started = performance.now();
const result = await loadContent(dataDir);
for (const warning of result.warnings) console.warn(`warning: ${formatContentError(warning)}`);
if (!result.ok) {
  for (const error of result.errors) console.error(formatContentError(error));
  console.error(
    `build failed: ${result.errors.length} content error(s) in ${dataDir}; ${path.relative(root, outDir)}/ was not changed`,
  );
  process.exit(1);
}

// Staging sits beside dist/ so the final rename stays on one file system.
let pages = 0;
const staging = await mkdtemp(path.join(path.dirname(outDir), ".dispatch-build-"));
try {
  await build({
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: staging, emptyOutDir: true },
  });
  const api = buildApi(result.content);
  await emitSite(result.content, staging, api);
  await emitResponsiveImages(result.content, staging);
  const prerendered = await prerenderSite({ root, outDir: staging, content: result.content, api });
  await writeFile(path.join(staging, "_headers"), headersFile(prerendered.hashes));
  await emitSyndication(result.content, staging);
  pages = prerendered.pages;
  const previous = `${outDir}.previous`;
  await rm(previous, { recursive: true, force: true });
  await rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, outDir);
  await rm(previous, { recursive: true, force: true });
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { stories, topics } = result.content;
console.log(
  `built ${path.relative(root, outDir)}/ from ${dataDir}: ${stories.length} stories, ${topics.length} topics, ${pages} prerendered pages in ${Math.round(performance.now() - started)} ms`,
);
