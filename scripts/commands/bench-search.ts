// npm run bench:search: the search index and first queries on synthetic archives
/**
 * `npm run bench:search -- --stories 1000,10000`: the search on synthetic archives
 * (synthetic-archive.ts, as `npm run bench:content`). For each size it builds the archive with
 * `npm run build` (a cold build cache), then reports the search index's build time (the build's
 * own "search index" stage), its size on disk, and on the throttled phone of
 * `npm run bench:first-press` (150 ms round trip, 1.6 Mbps, 4× slower CPU, 360×740), median of
 * 5 fresh browser contexts:
 * - bytes downloaded for a first query: from the reader's tap in the header's search box
 *   (which starts loading the search) until the results are painted, Pagefind's files and
 *   the search page's code together, as transferred;
 * - bytes downloaded for a second query typed on the search page;
 * - time from Enter to the results painted (the reader types the words at 10 keys a second
 *   after tapping the box, then presses Enter).
 * Writes bench/search.json and bench/search.md. The machine's other load shows in the times.
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { benchArgs, wholeNumbers } from "../bench/bench-args.ts";
import { throttledPhonePage } from "../bench/first-press.ts";
import { median } from "../bench/median.ts";
import { generateCorpus } from "../bench/synthetic-archive.ts";
import { stageSeconds, timedBuild } from "../bench/timed-build.ts";
import { createStaticServer } from "../hosting/static-server.ts";
import { listen } from "../shared/listen.ts";

const COMMAND = "bench:search";
const RUNS = Number(process.env.SEARCH_BENCH_RUNS ?? 5);

/** What kind of file a transfer is, for the breakdown. */
function kindOf(url: string): string {
  const file = new URL(url).pathname;
  if (file.endsWith(".pf_meta")) return "metadata";
  if (file.endsWith(".pf_index")) return "index chunks";
  if (file.endsWith(".pf_fragment")) return "fragments";
  if (file.endsWith(".pf_filter")) return "filter chunks";
  if (file.endsWith(".pagefind")) return "WebAssembly";
  if (file.startsWith("/pagefind/") && file.endsWith(".json")) return "entry and shard list";
  if (file === "/pagefind/pagefind.js") return "Pagefind script";
  if (file.startsWith("/pagefind/")) return "other Pagefind";
  return "app";
}
/** Words of the synthetic archive's vocabulary: the first is in most stories, the second in many. */
const FIRST_QUERY = "harvest";
const SECOND_QUERY = "farmers budget";

type Sample = {
  firstBytes: number;
  /** The first query's bytes once the search has gone through every shard (the full count). */
  firstAllBytes: number;
  firstPagefindBytes: number;
  secondBytes: number;
  ms: number;
  /** The first query's files by kind (bytes, files), for the breakdown printed per run. */
  kinds: Record<string, [bytes: number, files: number]>;
  /** Main-thread long tasks (over 50 ms) from Enter to the results painted, summed, ms. */
  longTaskMs: number;
};
type Row = {
  stories: number;
  buildSeconds: number;
  indexSeconds: number;
  /** The build's peak memory (resident set), MB. */
  peakMb: number;
  indexBytes: number;
  indexFiles: number;
  samples: Sample[];
};

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // The build's .br and .gz siblings are other forms of the same files.
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** Page-side: the time of Enter, and of the first frame that shows the results' heading. */
const RECORDER = `(() => {
  const marks = {};
  window.searchMarks = marks;
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries())).observe({ type: "longtask" });
  addEventListener("keydown", (event) => {
    if (event.key === "Enter" && marks.enter === undefined) marks.enter = performance.now();
  }, true);
  const check = () => {
    const heading = document.querySelector("main h1")?.textContent ?? "";
    for (const [name, pattern] of [["first", ${JSON.stringify(FIRST_QUERY)}], ["second", ${JSON.stringify(SECOND_QUERY)}]]) {
      if (marks[name] === undefined && /stor(y|ies) for|No stories/.test(heading) && heading.includes(pattern)) {
        marks[name] = Number.NaN;
        requestAnimationFrame(() => { marks[name] = performance.now(); });
      }
    }
  };
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
})()`;

type Marks = { enter?: number; first?: number; second?: number };

async function sample(browser: Browser, origin: string, storyUrl: string): Promise<Sample> {
  // No service worker: its precaching on a first visit would share the phone's line with the
  // search, and its own fetches would count each search file twice.
  const page = await throttledPhonePage(browser, { serviceWorkers: "block" });
  const context = page.context();
  // Pagefind fetches most of its files from its web worker: the context's events see those
  // too. Bytes as transferred: headers and (compressed) body.
  const transfers: { url: string; bytes: number }[] = [];
  context.on("requestfinished", async (request) => {
    const entry = { url: request.url(), bytes: 0 };
    transfers.push(entry);
    const sizes = await request.sizes().catch(() => undefined);
    entry.bytes = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
  });
  await page.goto(`${origin}${storyUrl}`, { waitUntil: "load" });
  await page.evaluate(RECORDER);
  // The reader opens the Search disclosure (which starts the app) and waits for the app.
  await page.getByText("Search", { exact: true }).first().tap();
  await waitForApp(page);
  const box = page.getByRole("searchbox", { name: "Search stories" });
  const beforeFirst = transfers.length;
  await box.tap();
  await page.keyboard.type(FIRST_QUERY, { delay: 100 });
  await page.keyboard.press("Enter");
  const marks = () =>
    page.evaluate(() => (window as unknown as { searchMarks: Marks }).searchMarks);
  await page.waitForFunction(
    () => Number.isFinite((window as unknown as { searchMarks: Marks }).searchMarks.first),
    undefined,
    { timeout: 60_000 },
  );
  // What the results painted needed; then what the search goes on to fetch (older shards).
  const first = transfers.slice(beforeFirst);
  await settled(page);
  const firstAll = transfers.slice(beforeFirst);
  const beforeSecond = transfers.length;
  const pageBox = page.getByRole("searchbox", { name: "Search stories" });
  await pageBox.fill("");
  await pageBox.pressSequentially(SECOND_QUERY, { delay: 100 });
  await page.waitForFunction(
    () => Number.isFinite((window as unknown as { searchMarks: Marks }).searchMarks.second),
    undefined,
    { timeout: 60_000 },
  );
  const second = transfers.slice(beforeSecond);
  const { enter = Number.NaN, first: shown = Number.NaN } = await marks();
  const longTaskMs = await page.evaluate(
    ({ from, to }) =>
      (window as unknown as { longTasks: PerformanceEntry[] }).longTasks
        .filter((task) => task.startTime + task.duration > from && task.startTime < to)
        .reduce(
          (total, task) =>
            total + Math.min(task.startTime + task.duration, to) - Math.max(task.startTime, from),
          0,
        ),
    { from: enter, to: shown },
  );
  await context.close();
  const sum = (list: { bytes: number }[]) => list.reduce((total, item) => total + item.bytes, 0);
  const kinds: Sample["kinds"] = {};
  for (const item of first) {
    const [bytes, files] = kinds[kindOf(item.url)] ?? [0, 0];
    kinds[kindOf(item.url)] = [bytes + item.bytes, files + 1];
  }
  return {
    kinds,
    longTaskMs,
    firstBytes: sum(first),
    firstAllBytes: sum(firstAll),
    firstPagefindBytes: sum(first.filter((item) => item.url.includes("/pagefind/"))),
    secondBytes: sum(second),
    ms: shown - enter,
  };
}

/**
 * Until the search has counted every story: the heading claims a total ("N stories", not
 * "N+ stories" while older shards are searched), then the network is quiet.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /^[\d,]+ stor(y|ies) for|^No stories/.test(
        document.querySelector("main h1")?.textContent ?? "",
      ),
    undefined,
    { timeout: 600_000 },
  );
  await page.waitForLoadState("networkidle");
}

async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const form = document.querySelector("form[role=search]");
      return !!form && Object.keys(form).some((key) => key.startsWith("__reactProps"));
    },
    undefined,
    { timeout: 60_000 },
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function table(rows: Row[]): string {
  const lines = [
    `| stories | build | search index stage | index on disk | 1st query download to results (Pagefind part) | 1st query, every shard searched | 2nd query download to results | Enter → results (median of ${RUNS}) | long tasks Enter → results |`,
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const m = (pick: (s: Sample) => number) => median(row.samples.map(pick));
    lines.push(
      `| ${row.stories.toLocaleString("en")} | ${row.buildSeconds.toFixed(1)} s (peak ${row.peakMb} MB) | ${row.indexSeconds.toFixed(1)} s | ${(row.indexBytes / 1024 / 1024).toFixed(1)} MB in ${row.indexFiles.toLocaleString("en")} files | ${kb(m((s) => s.firstBytes))} (${kb(m((s) => s.firstPagefindBytes))}) | ${kb(m((s) => s.firstAllBytes))} | ${kb(m((s) => s.secondBytes))} | ${Math.round(m((s) => s.ms))} ms (${row.samples.map((s) => Math.round(s.ms)).join(", ")}) | ${Math.round(m((s) => s.longTaskMs))} ms |`,
    );
  }
  lines.push("", "First query, to results, by kind of file (median bytes, files):", "");
  for (const row of rows) {
    const kinds = new Set(row.samples.flatMap((sample) => Object.keys(sample.kinds)));
    const parts = [...kinds].sort().map((kind) => {
      const bytes = median(row.samples.map((sample) => sample.kinds[kind]?.[0] ?? 0));
      const files = median(row.samples.map((sample) => sample.kinds[kind]?.[1] ?? 0));
      return `${kind} ${kb(bytes)} (${files})`;
    });
    lines.push(`- ${row.stories.toLocaleString("en")} stories: ${parts.join(", ")}`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = benchArgs(COMMAND, { stories: { type: "string" } });
  const counts = wholeNumbers(COMMAND, "stories", args.stories, [1000, 10000]);
  const root = process.cwd();
  const work = await mkdtemp(path.join(tmpdir(), "dispatch-search-bench-"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  });
  const rows: Row[] = [];
  try {
    for (const count of counts) {
      const dataDir = path.join(work, `data-${count}`);
      const outDir = path.join(work, `dist-${count}`);
      await generateCorpus(dataDir, count);
      // A cache of its own inside the project (the build's rule), started cold.
      const cacheDir = path.join(root, ".cache", `search-bench-${count}`);
      await rm(cacheDir, { recursive: true, force: true });
      const built = await timedBuild(root, dataDir, outDir, cacheDir);
      console.log(built.output);
      const index = await folderSize(path.join(outDir, "pagefind"));
      const server = await listen(await createStaticServer(outDir), Number(process.env.PORT ?? 0));
      const samples: Sample[] = [];
      try {
        for (let i = 0; i < RUNS; i++) {
          samples.push(await sample(browser, server.origin, "/stories/story-000123"));
          console.log(`${count} stories, run ${i + 1}: ${JSON.stringify(samples.at(-1))}`);
        }
      } finally {
        await server.close();
      }
      rows.push({
        stories: count,
        buildSeconds: built.seconds,
        indexSeconds: stageSeconds(built.output, "search index"),
        // The peak the build itself reports on its last line (what this table has shown).
        peakMb: Number(/peak memory (\d+) MB/.exec(built.output)?.[1] ?? Number.NaN),
        indexBytes: index.bytes,
        indexFiles: index.files,
        samples,
      });
      await rm(dataDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
  const markdown = `## Search on synthetic archives\n\n${table(rows)}\n`;
  await mkdir(path.join(root, "bench"), { recursive: true });
  await writeFile(path.join(root, "bench", "search.json"), `${JSON.stringify(rows, null, 2)}\n`);
  await writeFile(path.join(root, "bench", "search.md"), markdown);
  console.log(markdown);
}

await main();
