import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  changedFiles,
  SIBLING,
  type SiteHashes,
  siteHashes,
  withoutSiblings,
} from "./site-changes.ts";
import { generateCorpus, makeRandom, syntheticStory, writeStory } from "./synthetic-archive.ts";
import { type BuildRun, stageSeconds, timedBuild } from "./timed-build.ts";

/** The smallest archive `--full` accepts. */
export const FULL_MIN_STORIES = 60;

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

  const publish = async (id: string, minutes: number, breaking: boolean, before: SiteHashes) => {
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

/**
 * `npm run bench:content -- --full [--stories 1000,20000,100000] [--root DIR]`: the whole
 * `npm run build` per archive size (run from `root`, so an older checkout can be measured with
 * the same corpus), then publishing one story and one breaking story into that archive and
 * building again, then editing one: build times, peak memory, files written, site size, page
 * sizes and how many built files each publish changed. Prints a Markdown table.
 */
export async function fullBuildBench(root: string, sizes: number[]): Promise<void> {
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
