import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipBytes, INITIAL_JS_BUDGET, javascriptSizes } from "../bundle/javascript-size.ts";
import { type BenchSite, kb, ok, siteMeasurement } from "./site-measurement.ts";

/**
 * Bytes from the build: the critical path of a story (HTML with its inline CSS, gzip), the
 * initial JavaScript, what a story page and a feed page load, the largest feed page JSON.
 */
async function buildBytes({ dist, seedStory }: BenchSite) {
  const js = javascriptSizes(dist);
  const storyHtml = await readFile(path.join(dist, "stories", `${seedStory}.html`));
  let largestFeed = { file: "", bytes: 0 };
  const feedsDir = path.join(dist, "api", "feeds");
  for (const feed of await readdir(feedsDir)) {
    for (const page of await readdir(path.join(feedsDir, feed))) {
      if (!page.endsWith(".json")) continue; // not the build's .br and .gz siblings
      const bytes = gzipBytes(await readFile(path.join(feedsDir, feed, page)));
      if (bytes > largestFeed.bytes) largestFeed = { file: `api/feeds/${feed}/${page}`, bytes };
    }
  }
  return {
    storyCriticalPathGzip: gzipBytes(storyHtml),
    initialJsBrotli: js.initialBytes,
    storyPageJsBrotli: js.storyPageBytes,
    feedPageJsBrotli: js.feedPageBytes,
    storyPageLoadsFeedCode: js.files.feedOnly.some((file) => js.files.storyPage.includes(file)),
    largestFeedPageGzip: largestFeed,
  };
}

type Bytes = Awaited<ReturnType<typeof buildBytes>>;

const report = (bytes: Bytes) => `## Bytes

| budget | figure | target |
| --- | --- | --- |
| story critical path (HTML + inline CSS, gzip) | ${kb(bytes.storyCriticalPathGzip)} ${ok(bytes.storyCriticalPathGzip <= 30 * 1024)} | ≤ 30 KB |
| initial JavaScript: entry chunk and its static imports (brotli 11, as sent) | ${kb(bytes.initialJsBrotli)} ${ok(bytes.initialJsBrotli <= INITIAL_JS_BUDGET)} | ≤ ${kb(INITIAL_JS_BUDGET)} |
| story page: initial + story page code (brotli) | ${kb(bytes.storyPageJsBrotli)}; loads feed code: ${bytes.storyPageLoadsFeedCode ? "yes ❌" : "no ✅"} | no feed-only code |
| feed page: initial + feed page code (brotli) | ${kb(bytes.feedPageJsBrotli)} | (for reference) |
| largest feed page JSON (gzip) | ${kb(bytes.largestFeedPageGzip.bytes)} (${bytes.largestFeedPageGzip.file}) ${ok(bytes.largestFeedPageGzip.bytes <= 15 * 1024)} | ≤ 15 KB |`;

export const bytesMeasurement = siteMeasurement("bytes", buildBytes, report);
