import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { NGINX_CONFIG_FILE } from "../scripts/hosting/nginx-config.ts";
import { VARNISH_CONFIG_FILE } from "../scripts/hosting/varnish-config.ts";
import { viteManifestPath } from "../scripts/shared/deployable-output.ts";
import { BROTLI_SUFFIX, GZIP_SUFFIX } from "../scripts/shared/media-types.ts";
import { PURGE_FILE } from "../scripts/shared/purge-paths.ts";
import { IMAGE_FORMATS, variantUrl, variantWidths } from "../src/shared/responsive-image.ts";
import { expect, test } from "./test";

/**
 * dist/ is uploaded or served as it is: every folder and file readable by the web server's
 * user (nginx serves it as www-data in the "nginx" project), nothing of the build's own, and
 * no image that no page shows.
 */

const DIST = "dist";

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? [full, ...walk(full)] : [full];
  });
}

test("every folder can be entered and every file read by any user; no build internals", () => {
  const entries = [DIST, ...walk(DIST)];
  const unreadable = entries.filter((entry) => {
    const { mode } = statSync(entry);
    return statSync(entry).isDirectory() ? (mode & 0o005) !== 0o005 : (mode & 0o004) === 0;
  });
  expect(unreadable).toEqual([]);
  const hidden = entries.filter((entry) => path.basename(entry).startsWith("."));
  expect(hidden).toEqual([]);
  // The host files are the only ones that are not the site itself.
  expect(readdirSync(DIST).filter((name) => name.startsWith("_"))).toEqual([
    "_headers",
    NGINX_CONFIG_FILE,
    PURGE_FILE,
    VARNISH_CONFIG_FILE,
  ]);
  // The JavaScript sizes still have their manifest, beside the site.
  expect(statSync(viteManifestPath(DIST)).isFile()).toBe(true);
});

test("the images are the pages' responsive variants, and nothing else", () => {
  const photos = new Map<string, number>();
  for (const file of readdirSync(path.join(DIST, "api", "stories"))) {
    if (!file.endsWith(".json")) continue; // not its .br and .gz siblings
    // Each story file names its lead photo and the photos in its body.
    const { story } = JSON.parse(readFileSync(path.join(DIST, "api", "stories", file), "utf8")) as {
      story: { photo?: Photo; body: { type: string; photo?: Photo }[] };
    };
    for (const photo of [story.photo, ...story.body.map((block) => block.photo)])
      if (photo) photos.set(photo.src, photo.width);
  }
  const expected = [...photos].flatMap(([src, width]) =>
    variantWidths(width).flatMap((w) => IMAGE_FORMATS.map((format) => variantUrl(src, w, format))),
  );
  const served = walk(path.join(DIST, "images")).map(
    (file) => `/${path.relative(DIST, file).split(path.sep).join("/")}`,
  );
  expect(photos.size).toBeGreaterThan(0);
  expect(served.sort()).toEqual([...new Set(expected)].sort());
});

type Photo = { src: string; width: number };

test("text files have .br and .gz siblings that decompress to them byte for byte, and nothing a reader or crawler is given names a sibling", () => {
  const files = walk(DIST).filter((entry) => statSync(entry).isFile());
  const siblings = files.filter(
    (file) => file.endsWith(BROTLI_SUFFIX) || file.endsWith(GZIP_SUFFIX),
  );
  for (const sibling of siblings) {
    const original = readFileSync(sibling.replace(/\.(br|gz)$/, ""));
    const data = readFileSync(sibling);
    const decompressed = sibling.endsWith(BROTLI_SUFFIX)
      ? brotliDecompressSync(data)
      : gunzipSync(data);
    expect(decompressed.equals(original), sibling).toBe(true);
    expect(data.length, sibling).toBeLessThan(original.length);
  }
  // The files a breaking-news spike asks for, and each kind of text file the site serves.
  const story = readdirSync(path.join(DIST, "stories")).find((name) => name.endsWith(".html"));
  for (const file of [
    "index.html",
    `stories/${story}`,
    "api/feeds/breaking-news/head.json",
    "api/topics.json",
    "feeds/breaking-news/rss.xml",
    "feeds/breaking-news/atom.xml",
    "feeds/breaking-news/feed.json",
    "sitemap.xml",
    "sw.js",
    "manifest.webmanifest",
    "pagefind/pagefind.js",
  ]) {
    for (const suffix of [BROTLI_SUFFIX, GZIP_SUFFIX])
      expect(existsSync(path.join(DIST, `${file}${suffix}`)), `${file}${suffix}`).toBe(true);
  }
  // Images and Pagefind's index files are compressed already; the host files are not served.
  expect(
    siblings.filter((file) => /\.(jpg|webp|avif|png|pf_\w+|pagefind)\.(br|gz)$|\/_/.test(file)),
  ).toEqual([]);
  // The worker's precache list, the sitemaps, the feeds and the search index's lists.
  const lists = files.filter((file) =>
    /(^|\/)(sw\.js|[^/]*sitemap[^/]*\.xml|rss\.xml|atom\.xml|feed\.json|shards\.json|pagefind-entry\.json)$/.test(
      file,
    ),
  );
  expect(lists.length).toBeGreaterThan(5);
  for (const list of lists) expect(readFileSync(list, "utf8"), list).not.toMatch(/\.(br|gz)\b/);
});
