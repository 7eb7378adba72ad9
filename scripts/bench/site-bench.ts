/**
 * `npm run bench`: builds the site, serves it the way `npm start` does, and measures what a
 * reader on a slow phone would feel. Writes bench/report.json and bench/report.md:
 * - Lighthouse 12, median of 3 runs, mobile (default throttling) and desktop, for `/`,
 *   `/topics/iran`, a seed story, and a plain static HTML page of the same story (same text and
 *   photo, no script) that this script writes as the baseline and measures in the same run;
 * - bytes: critical path of a story (HTML with its inline CSS, gzip), initial JavaScript, what
 *   a story page loads, the largest feed page JSON;
 * - interaction: Load more with the next page prefetched, and a move from a card to its
 *   prefetched story, timed with performance marks in Chromium driven by Playwright;
 * - the first press on a throttled phone (scripts/bench/first-press.ts; alone:
 *   `npm run bench:first-press`);
 * - the seed story's bytes full, in data saver mode and as its lite page
 *   (scripts/bench/page-bytes.ts).
 * Figures from this shared 2-core machine vary run to run: read them as a benchmark (medians,
 * and the ratio to the baseline measured in the same run), never as a pass/fail test.
 */
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import type { StoryPage } from "../../src/content/api-types.ts";
import { gzipBytes, INITIAL_JS_BUDGET, javascriptSizes } from "../bundle/javascript-size.ts";
import { createStaticServer, type Listening, listen } from "../static-server.ts";
import { firstPressTable, firstPressTimings } from "./first-press.ts";
import { median } from "./median.ts";
import { pageBytes, pageBytesTable, seedStoryTargets } from "./page-bytes.ts";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEED_STORY = "iran-president-deeper-ties-russia-shoigu-visit";
const OUT = "bench";
const DATA = "data";
const DIST = "dist";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// 1. Build.
console.log("Building…");
// The bench reads what it builds: the repository's content, into dist/, whatever the shell says.
const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: DATA, OUT_DIR: DIST },
});
if (built.status !== 0) process.exit(built.status ?? 1);

// 2. The baseline: the seed story as one plain HTML page with its photo and no script.
async function writeBaseline(): Promise<string> {
  const dir = path.join(OUT, "baseline");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { story } = JSON.parse(
    await readFile(path.join(DIST, "api", "stories", `${SEED_STORY}.json`), "utf8"),
  ) as StoryPage;
  const escapeHtml = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const photo = story.photo;
  if (!photo) throw new Error(`${SEED_STORY} has no photo`);
  await copyFile(path.join(DATA, photo.src), path.join(dir, "photo.jpg"));
  const paragraphs = story.body
    .map((block) => (block.type === "paragraph" ? `<p>${escapeHtml(block.text)}</p>` : ""))
    .join("\n");
  await writeFile(
    path.join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(story.headline)}</title><meta name="description" content="${escapeHtml(story.summary)}">
<style>body{font:1.125rem/1.6 Georgia,serif;max-width:42em;margin:0 auto;padding:1rem;color:#1a1a1a}img{width:100%;height:auto}</style></head>
<body><main><h1>${escapeHtml(story.headline)}</h1><p>${escapeHtml(story.byline ?? "")}</p>
<figure><img src="/photo.jpg" alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}">
<figcaption>${escapeHtml(photo.caption ?? "")}</figcaption></figure>
${paragraphs}</main></body></html>`,
  );
  return dir;
}

async function serve(root: string): Promise<Listening> {
  return listen(await createStaticServer(root));
}

// 3. Lighthouse.
type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  fcp: number;
  cls: number;
  tbt: number;
  bytes: Record<string, number>;
};

async function lighthouseRun(
  url: string,
  formFactor: "mobile" | "desktop",
  port: number,
): Promise<Run> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error" },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const items =
    (
      lhr.audits["resource-summary"]?.details as {
        items?: { resourceType: string; transferSize: number }[];
      }
    )?.items ?? [];
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: value("largest-contentful-paint"),
    fcp: value("first-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    tbt: value("total-blocking-time"),
    bytes: Object.fromEntries(items.map((item) => [item.resourceType, item.transferSize])),
  };
}

function medianRun(runs: Run[]): Run {
  const pick = (key: Exclude<keyof Run, "bytes">) => median(runs.map((run) => run[key]));
  const types = new Set(runs.flatMap((run) => Object.keys(run.bytes)));
  return {
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    seo: pick("seo"),
    lcp: pick("lcp"),
    fcp: pick("fcp"),
    cls: pick("cls"),
    tbt: pick("tbt"),
    bytes: Object.fromEntries(
      [...types].map((type) => [type, median(runs.map((run) => run.bytes[type] ?? 0))]),
    ),
  };
}

// 4. Bytes from the build.
async function buildBytes() {
  const js = javascriptSizes(DIST);
  const storyHtml = await readFile(path.join(DIST, "stories", `${SEED_STORY}.html`));
  let largestFeed = { file: "", bytes: 0 };
  const feedsDir = path.join(DIST, "api", "feeds");
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

// 5. Interaction timings.
async function interactionTimings(origin: string) {
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loadMore: number[] = [];
  while (loadMore.length < 20) {
    const samplesBefore = loadMore.length;
    await page.goto(`${origin}/`);
    // The app loads on the reader's first interaction: move the mouse, as a reader would.
    await page.mouse.move(1, 1);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    for (;;) {
      const button = page.getByRole("button", { name: "Load more" });
      if ((await button.count()) === 0 || loadMore.length >= 20) break;
      await button.scrollIntoViewIfNeeded();
      await page.waitForLoadState("networkidle");
      const before = await page.locator("main article").count();
      const elapsed = await page.evaluate(async (count) => {
        const painted = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelectorAll("main article").length > count) {
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(resolve, 0));
            }
          });
          observer.observe(document.querySelector("main") as Node, {
            childList: true,
            subtree: true,
          });
        });
        performance.mark("load-more-click");
        (document.querySelector('[data-replay="load-more"]') as HTMLButtonElement).click();
        await painted;
        performance.mark("load-more-painted");
        return performance.measure("load-more", "load-more-click", "load-more-painted").duration;
      }, before);
      loadMore.push(elapsed);
    }
    if (loadMore.length === samplesBefore)
      throw new Error(
        "The front page has no Load more button: the Load more timing needs two pages.",
      );
  }
  const navigation: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto(`${origin}/`);
    // The app loads on the reader's first interaction: move the mouse, as a reader would.
    await page.mouse.move(1, 1);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    const link = page.locator("main article h2 a").nth(i);
    await link.hover();
    await page.waitForLoadState("networkidle");
    const elapsed = await page.evaluate(async (index) => {
      const anchor = document.querySelectorAll<HTMLAnchorElement>("main article h2 a")[
        index
      ] as HTMLAnchorElement;
      const headline = anchor.textContent;
      const painted = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector("main h1")?.textContent === headline) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(resolve, 0));
          }
        });
        observer.observe(document.querySelector("main") as Node, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
      performance.mark("story-click");
      anchor.click();
      await painted;
      performance.mark("story-painted");
      return performance.measure("story", "story-click", "story-painted").duration;
    }, i);
    navigation.push(elapsed);
  }
  await browser.close();
  return {
    loadMoreMs: median(loadMore),
    loadMoreSamples: loadMore.length,
    storyNavigationMs: median(navigation),
    storyNavigationSamples: navigation.length,
  };
}

// Run everything.
const baselineDir = await writeBaseline();
const site = await serve(DIST);
const baseline = await serve(baselineDir);
const pages = [
  { name: "/", url: `${site.origin}/` },
  { name: "/topics/iran", url: `${site.origin}/topics/iran` },
  { name: `/stories/${SEED_STORY}`, url: `${site.origin}/stories/${SEED_STORY}` },
  { name: "baseline (static story page)", url: `${baseline.origin}/` },
];
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const lighthouseResults: Record<string, Record<string, Run & { runs: Run[] }>> = {};
try {
  for (const formFactor of ["mobile", "desktop"] as const) {
    for (const target of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        console.log(`Lighthouse ${formFactor} ${target.name} run ${i + 1}/${RUNS}`);
        runs.push(await lighthouseRun(target.url, formFactor, chrome.port));
      }
      lighthouseResults[formFactor] ??= {};
      (lighthouseResults[formFactor] as Record<string, Run & { runs: Run[] }>)[target.name] = {
        ...medianRun(runs),
        runs,
      };
    }
  }
} finally {
  await chrome.kill();
}
const bytes = await buildBytes();
const interaction = await interactionTimings(site.origin);
const firstPress = await firstPressTimings(site.origin, { chromePath: CHROME });
const seedBytes = await pageBytes(site.origin, seedStoryTargets(SEED_STORY), {
  chromePath: CHROME,
});
await site.close();
await baseline.close();

// Report.
const storyName = `/stories/${SEED_STORY}`;
const rows: string[] = [];
const ok = (pass: boolean) => (pass ? "✅" : "❌");
for (const formFactor of ["mobile", "desktop"] as const) {
  const results = lighthouseResults[formFactor] ?? {};
  const baselineLcp = results["baseline (static story page)"]?.lcp ?? Number.NaN;
  for (const target of pages) {
    const r = results[target.name];
    if (!r) continue;
    const isApp = !target.name.startsWith("baseline");
    const ratio = target.name === storyName ? r.lcp / baselineLcp : Number.NaN;
    const scores = [r.performance, r.accessibility, r.bestPractices, r.seo];
    rows.push(
      `| ${formFactor} | ${target.name} | ${scores.join(" / ")} ${isApp ? ok(scores.every((s) => s === 100)) : ""} | ${Math.round(r.fcp)} | ${Math.round(r.lcp)}${Number.isNaN(ratio) ? "" : ` (${ratio.toFixed(2)}x ${ok(ratio <= 1.25)})`} | ${r.cls.toFixed(3)} ${isApp ? ok(r.cls === 0) : ""} | ${Math.round(r.tbt)} ${isApp ? ok(r.tbt < 50) : ""} | ${Object.entries(
        r.bytes,
      )
        .filter(([type, size]) => type !== "total" && size > 0)
        .map(([type, size]) => `${type} ${kb(size)}`)
        .join(", ")} (total ${kb(r.bytes.total ?? 0)}) |`,
    );
  }
}
const markdown = `# Dispatch bench — ${new Date().toISOString()}

Lighthouse 12, median of ${RUNS} runs per page. Scores: Performance / Accessibility / Best Practices / SEO (target 100 each).
LCP ratio is against the static baseline page measured in the same run (target ≤ 1.25x); CLS target 0; TBT target < 50 ms.

| mode | page | scores | FCP ms | LCP ms | CLS | TBT ms | transferred |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

| budget | figure | target |
| --- | --- | --- |
| story critical path (HTML + inline CSS, gzip) | ${kb(bytes.storyCriticalPathGzip)} ${ok(bytes.storyCriticalPathGzip <= 30 * 1024)} | ≤ 30 KB |
| initial JavaScript: entry chunk and its static imports (brotli 11, as sent) | ${kb(bytes.initialJsBrotli)} ${ok(bytes.initialJsBrotli <= INITIAL_JS_BUDGET)} | ≤ ${kb(INITIAL_JS_BUDGET)} |
| story page: initial + story page code (brotli) | ${kb(bytes.storyPageJsBrotli)}; loads feed code: ${bytes.storyPageLoadsFeedCode ? "yes ❌" : "no ✅"} | no feed-only code |
| feed page: initial + feed page code (brotli) | ${kb(bytes.feedPageJsBrotli)} | (for reference) |
| largest feed page JSON (gzip) | ${kb(bytes.largestFeedPageGzip.bytes)} (${bytes.largestFeedPageGzip.file}) ${ok(bytes.largestFeedPageGzip.bytes <= 15 * 1024)} | ≤ 15 KB |
| Load more, next page prefetched: click to paint (median of ${interaction.loadMoreSamples}) | ${interaction.loadMoreMs.toFixed(1)} ms ${ok(interaction.loadMoreMs < 100)} | < 100 ms |
| card to prefetched story: click to paint (median of ${interaction.storyNavigationSamples}) | ${interaction.storyNavigationMs.toFixed(1)} ms ${ok(interaction.storyNavigationMs < 100)} | < 100 ms |

${firstPressTable(firstPress)}

${pageBytesTable(seedBytes)}`;
await mkdir(OUT, { recursive: true });
await writeFile(
  path.join(OUT, "report.json"),
  `${JSON.stringify({ lighthouse: lighthouseResults, bytes, interaction, firstPress, seedBytes }, null, 2)}\n`,
);
await writeFile(path.join(OUT, "report.md"), markdown);
console.log(`\n${markdown}\nWritten to ${OUT}/report.json and ${OUT}/report.md`);
