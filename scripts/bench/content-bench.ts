import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { formatContentError } from "../content/content-error.ts";
import { emitSite } from "../content/emit.ts";
import { loadContent } from "../content/load-content.ts";
import { mapLimit } from "../content/map-limit.ts";
import { median } from "./median.ts";
import { watchPeakMemory } from "./process-tree-memory.ts";
import {
  generateCorpus,
  IMAGES,
  makeRandom,
  syntheticStory,
  TOPICS,
  writeStory,
} from "./synthetic-archive.ts";

/**
 * `npm run bench:content -- --stories N [--runs R]`: times loadContent + emitSite on a
 * synthetic corpus. Each run is a fresh child process so its peak RSS is its own, not the
 * high-water mark of the runs (and the corpus generation) before it.
 *
 * `npm run bench:content -- --full [--stories 1000,20000,100000] [--root DIR]`: the whole
 * `npm run build` per archive size (run from DIR, default this checkout, so an older checkout
 * can be measured with the same corpus), then publishing one story and one breaking story
 * into that archive and building again: build times, peak memory, files written, site size,
 * page sizes and how many built files each publish changed.
 *
 * `npm run bench:content -- --generate DIR --stories N`: only writes that synthetic archive.
 */

const run = promisify(execFile);
const SCRIPT = fileURLToPath(import.meta.url);
const FEED_FILE = "api/feeds/breaking-news/head.json";

type Measurement = {
  loadMs: number;
  emitMs: number;
  maxRssKb: number;
  stories: number;
  files: number;
  feedBytes: number;
};

function flag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}

function stringOption(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  return args[index]?.includes("=") ? args[index]?.split("=")[1] : args[index + 1];
}

function option(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return fallback;
  const raw = args[index]?.includes("=") ? args[index]?.split("=")[1] : args[index + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number, got ${raw}`);
    process.exit(1);
  }
  return value;
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

async function child(dataDir: string, outDir: string): Promise<void> {
  const start = performance.now();
  const result = await loadContent(dataDir);
  const loaded = performance.now();
  if (!result.ok) {
    for (const error of result.errors.slice(0, 20)) console.error(formatContentError(error));
    process.exit(1);
  }
  await emitSite(result.content, outDir);
  const emitted = performance.now();
  const measurement: Measurement = {
    loadMs: loaded - start,
    emitMs: emitted - loaded,
    maxRssKb: process.resourceUsage().maxRSS,
    stories: result.content.stories.length,
    files: await countFiles(outDir),
    feedBytes: (await stat(path.join(outDir, FEED_FILE))).size,
  };
  console.log(JSON.stringify(measurement));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const stories = option("stories", 1000);
  const runs = option("runs", 3);
  const workDir = await mkdtemp(path.join(tmpdir(), "dispatch-bench-"));
  try {
    const dataDir = path.join(workDir, "data");
    console.log(`generating ${stories} stories in ${dataDir} ...`);
    await generateCorpus(dataDir, stories);

    // Each run's output is kept until the end: ext4 makes new files slow to allocate for a
    // while after many deletions, so deleting run N's output would tax run N + 1.
    const results: Measurement[] = [];
    for (let i = 1; i <= runs; i++) {
      const outDir = path.join(workDir, `out-${i}`);
      const { stdout } = await run(
        process.execPath,
        [...process.execArgv, SCRIPT, "--child", dataDir, outDir],
        { maxBuffer: 1 << 20 },
      );
      const m = JSON.parse(stdout) as Measurement;
      results.push(m);
      console.log(
        `run ${i}: load+validate ${seconds(m.loadMs)}, emit ${seconds(m.emitMs)}, total ${seconds(m.loadMs + m.emitMs)}, peak RSS ${megabytes(m.maxRssKb)}`,
      );
    }

    const last = results.at(-1) as Measurement;
    console.log(
      [
        `stories: ${last.stories}, topics: ${TOPICS.length}, source images: ${IMAGES.length}, runs: ${runs}`,
        `median wall time (loadContent + emitSite): ${seconds(median(results.map((m) => m.loadMs + m.emitMs)))}` +
          ` (load+validate ${seconds(median(results.map((m) => m.loadMs)))}, emit ${seconds(median(results.map((m) => m.emitMs)))})`,
        `peak RSS: median ${megabytes(median(results.map((m) => m.maxRssKb)))}, max ${megabytes(Math.max(...results.map((m) => m.maxRssKb)))}`,
        `files written: ${last.files}; ${FEED_FILE}: ${last.feedBytes} bytes`,
      ].join("\n"),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

type BuildRun = { seconds: number; cpuSeconds: number; peakMb: number; output: string };

/**
 * The CPU time (user and system) of this process's children that have ended and been waited
 * for, and of theirs (Linux: /proc/self/stat's cutime and cstime, in clock ticks of 1/100 s).
 * Around one build: the CPU all its processes used, which on a shared machine varies far less
 * than its wall time.
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  // Fields 16 and 17 of proc(5), counted from the state (field 3) at index 0.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * One `npm run build` (without npm's wrapper), with the peak memory of all its processes at
 * once (process-tree-memory.ts).
 */
function timedBuild(
  root: string,
  dataDir: string,
  outDir: string,
  cacheDir: string,
): Promise<BuildRun> {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "loader.mjs");
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const build = spawn(process.execPath, ["--import", tsx, "scripts/build.ts"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: outDir, BUILD_CACHE_DIR: cacheDir },
  });
  const memory = watchPeakMemory(build.pid ?? 0);
  let stdout = "";
  let stderr = "";
  build.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  build.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    build.on("error", reject);
    build.on("close", (code) => {
      const peakKb = memory.stop();
      if (code !== 0) {
        console.error(stdout, stderr);
        reject(new Error(`the build in ${root} failed`));
        return;
      }
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: childrenCpuSeconds() - cpuBefore,
        peakMb: peakKb / 1024,
        output: stdout.trim().split("\n").at(-1) ?? "",
      });
    });
  });
}

/**
 * Every built file -> content hash. Files a publish must change whatever the design (syndication
 * feeds, sitemaps, a search index) are left out, as the issue counts them apart.
 */
async function siteHashes(
  outDir: string,
): Promise<{ hashes: Map<string, string>; bytes: number; siblingBytes: number }> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
  let bytes = 0;
  let siblingBytes = 0;
  const hashes = new Map<string, string>();
  await mapLimit(files, 16, async (file) => {
    const data = await readFile(path.join(outDir, file));
    bytes += data.length;
    if (SIBLING.test(file)) siblingBytes += data.length;
    hashes.set(file, createHash("sha1").update(data).digest("hex"));
  });
  return { hashes, bytes, siblingBytes };
}

/** The build's precompressed siblings (scripts/bundle/precompress.ts), counted apart. */
const SIBLING = /\.(br|gz)$/;
const withoutSiblings = (files: string[]) => files.filter((file) => !SIBLING.test(file));

/** The seconds of one stage, from the build's last line ("…, precompression 4.0 s, …"). */
const stageSeconds = (output: string, name: string) =>
  Number(new RegExp(`[(,] ${name} ([\\d.]+) s`).exec(output)?.[1] ?? 0);

// The search index (pagefind/) is left out too; search.html is a page like any other.
const SYNDICATION =
  /(^|\/)(sitemap[^/]*|robots\.txt|feed\.[a-z]+|[^/]*\.(xml|rss|atom))$|^pagefind\//;

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [file, hash] of after) if (before.get(file) !== hash) changed.push(file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(file);
  return changed.filter((file) => !SYNDICATION.test(file.replace(SIBLING, ""))).sort();
}

function newestStory(id: string, minutes: number, breaking: boolean) {
  const random = makeRandom(minutes);
  const story = syntheticStory(1, random);
  story.id = id;
  story.publishedAt = new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();
  if (breaking) story.breaking = true;
  else delete story.breaking;
  return story;
}

type FullRow = {
  stories: number;
  build: BuildRun;
  files: number;
  siblings: number;
  siteMb: number;
  siblingsMb: number;
  storyKb: number;
  frontKb: number;
  publish: { seconds: number; changed: string[] };
  publishBreaking: { seconds: number; changed: string[] };
  edit: { seconds: number; changed: string[] };
};

const benchCacheDir = (root: string, count: number) =>
  path.join(root, ".cache", `bench-${count}-${process.pid}`);

async function fullRow(root: string, workDir: string, count: number): Promise<FullRow> {
  const dataDir = path.join(workDir, `data-${count}`);
  const outDir = path.join(workDir, `out-${count}`);
  console.log(`generating ${count} stories in ${dataDir} ...`);
  await generateCorpus(dataDir, count);
  console.log(`building ${count} stories (full build) ...`);
  // A cache of its own, empty at first: the first build is a full one (app included); the
  // publishing builds after it use the cache as a newsroom's machine would.
  const cacheDir = benchCacheDir(root, count);
  await rm(cacheDir, { recursive: true, force: true });
  // The photos are the same 8 in every run, and encoding them is not what grows with the
  // archive: start from the project's encoded variants if there are any.
  await cp(path.join(root, ".cache", "images"), path.join(cacheDir, "images"), {
    recursive: true,
  }).catch(() => undefined);
  const build = await timedBuild(root, dataDir, outDir, cacheDir);
  console.log(`  ${build.output}`);
  const first = await siteHashes(outDir);
  // A story from the middle of the archive: neither the newest nor the oldest.
  const sampleStory = `stories/story-${String(Math.floor(count / 2) + 7).padStart(6, "0")}.html`;
  const storyBytes = (await stat(path.join(outDir, sampleStory))).size;
  const frontBytes = (await stat(path.join(outDir, "index.html"))).size;

  const publish = async (id: string, minutes: number, breaking: boolean, before: typeof first) => {
    await writeStory(dataDir, newestStory(id, minutes, breaking));
    const rebuilt = await timedBuild(root, dataDir, outDir, cacheDir);
    console.log(`  ${rebuilt.output}`);
    const after = await siteHashes(outDir);
    return { seconds: rebuilt.seconds, changed: changedFiles(before.hashes, after.hashes), after };
  };
  console.log("publishing one story ...");
  const plain = await publish("published-news", count + 10, false, first);
  console.log("publishing one breaking story ...");
  const breaking = await publish("published-breaking", count + 20, true, plain.after);
  console.log("editing one story in the middle of the archive ...");
  const editedFile = path.join(
    dataDir,
    "stories",
    `${sampleStory.slice("stories/".length, -".html".length)}.json`,
  );
  const edited = JSON.parse(await readFile(editedFile, "utf8")) as Record<string, unknown>;
  edited.headline = `${String(edited.headline)} (corrected)`;
  await writeFile(editedFile, JSON.stringify(edited, null, 2));
  const editBuild = await timedBuild(root, dataDir, outDir, cacheDir);
  const editChanged = changedFiles(breaking.after.hashes, (await siteHashes(outDir)).hashes);
  // The archive, its site and its cache are deleted after the last row (see full).
  return {
    stories: count,
    build,
    files: first.hashes.size,
    siblings: [...first.hashes.keys()].filter((file) => SIBLING.test(file)).length,
    siteMb: first.bytes / 1024 / 1024,
    siblingsMb: first.siblingBytes / 1024 / 1024,
    storyKb: storyBytes / 1024,
    frontKb: frontBytes / 1024,
    publish: { seconds: plain.seconds, changed: plain.changed },
    publishBreaking: { seconds: breaking.seconds, changed: breaking.changed },
    edit: { seconds: editBuild.seconds, changed: editChanged },
  };
}

async function full(): Promise<void> {
  const root = path.resolve(stringOption("root") ?? process.cwd());
  const sizes = (stringOption("stories") ?? "1000,20000,100000").split(",").map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 60)) {
    console.error("--stories must be a comma-separated list of whole numbers of at least 60");
    process.exit(1);
  }
  const workDir = await mkdtemp(path.join(tmpdir(), "dispatch-bench-full-"));
  const rows: FullRow[] = [];
  try {
    for (const size of sizes) {
      const row = await fullRow(root, workDir, size);
      rows.push(row);
      for (const [label, changed] of [
        ["one story", row.publish.changed],
        ["one breaking story", row.publishBreaking.changed],
        ["an edit of one story", row.edit.changed],
      ] as const) {
        const files = withoutSiblings(changed);
        const shown = files.slice(0, 40).join(", ");
        console.log(
          `  ${label === "an edit of one story" ? label : `publishing ${label}`} changed ${files.length} (and ${changed.length - files.length} .br/.gz siblings): ${shown}${files.length > 40 ? ", …" : ""}`,
        );
      }
    }
  } finally {
    // Only now: on this machine's file system (ext4 mounted with `discard`), creating files
    // right after a mass deletion is up to ten times slower, so a row deleting the one before
    // it slowed the next build's file writing (the API stage at 100,000 stories took 39 to 43 s
    // instead of 13 to 22 s) and measured the benchmark's cleanup instead of the build.
    await rm(workDir, { recursive: true, force: true });
    for (const size of sizes) await rm(benchCacheDir(root, size), { recursive: true, force: true });
  }
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  console.log(`\nfull build of ${root} (12 topics, 8 shared photos, every 50th story breaking)\n`);
  console.log(
    "| stories | build | CPU (all processes) | of which precompression | peak memory (all processes) | files written (of which .br/.gz) | site size (of which .br/.gz) | a story page | front page | publish one story: build, files changed (+ siblings) | publish one breaking story: build, files changed (+ siblings) | edit one story: build, files changed (+ siblings) |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  const changes = ({ seconds, changed }: { seconds: number; changed: string[] }) => {
    const files = withoutSiblings(changed).length;
    return `${fixed(seconds)} s, ${files} (+ ${changed.length - files})`;
  };
  for (const row of rows) {
    console.log(
      `| ${row.stories.toLocaleString("en")} | ${fixed(row.build.seconds)} s | ${fixed(row.build.cpuSeconds)} s | ${fixed(stageSeconds(row.build.output, "precompression"))} s | ${fixed(row.build.peakMb, 0)} MB | ${row.files.toLocaleString("en")} (${row.siblings.toLocaleString("en")}) | ${fixed(row.siteMb, 0)} MB (${fixed(row.siblingsMb, 0)} MB) | ${fixed(row.storyKb)} KB | ${fixed(row.frontKb)} KB | ${changes(row.publish)} | ${changes(row.publishBreaking)} | ${changes(row.edit)} |`,
    );
  }
}

const childIndex = process.argv.indexOf("--child");
if (childIndex !== -1) {
  await child(process.argv[childIndex + 1] ?? "", process.argv[childIndex + 2] ?? "");
} else if (flag("full")) {
  await full();
} else if (stringOption("generate")) {
  // Only writes the synthetic archive, e.g. to time `DATA_DIR=<folder> npm run build` by hand.
  await generateCorpus(path.resolve(stringOption("generate") ?? ""), option("stories", 1000));
} else {
  await main();
}
