// npm run bench: Lighthouse, byte budgets and interaction timings against a baseline
/**
 * `npm run bench`: builds the site, serves it the way `npm start` does, and measures what a
 * reader on a slow phone would feel. Writes bench/report.json and bench/report.md, one section
 * per entry of MEASUREMENTS below:
 * - Lighthouse 12 (site-bench-lighthouse.ts), median of 3 runs (BENCH_RUNS), mobile and
 *   desktop, for `/`, `/topics/iran`, a seed story, and a plain static HTML page of the same
 *   story (same text and photo, no script; site-bench-baseline.ts) measured as the baseline in
 *   the same run;
 * - bytes (site-bench-bytes.ts): critical path of a story (HTML with its inline CSS, gzip),
 *   initial JavaScript, what a story page loads, the largest feed page JSON;
 * - interaction (site-bench-interaction.ts): Load more with the next page prefetched, and a
 *   move from a card to its prefetched story;
 * - the first press on a throttled phone (first-press.ts; alone: `npm run bench:first-press`);
 * - the lite pages' bytes and Lighthouse scores (lite-bench.ts);
 * - the seed story's bytes full, in data saver mode and as its lite page (page-bytes.ts).
 * Figures from this shared 2-core machine vary run to run: read them as a benchmark (medians,
 * and the ratio to the baseline measured in the same run), never as a pass/fail test.
 */
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { benchArgs } from "../bench/bench-args.ts";
import { firstPressTable, firstPressTimings } from "../bench/first-press.ts";
import { liteBench, liteTable } from "../bench/lite-bench.ts";
import { pageBytes, pageBytesTable, seedStoryTargets } from "../bench/page-bytes.ts";
import { SEED_STORY_ID as SEED_STORY } from "../bench/seed-story.ts";
import { writeBaseline } from "../bench/site-bench-baseline.ts";
import { bytesMeasurement } from "../bench/site-bench-bytes.ts";
import { interactionMeasurement } from "../bench/site-bench-interaction.ts";
import { lighthouseMeasurement } from "../bench/site-bench-lighthouse.ts";
import {
  type BenchSite,
  type SiteMeasurement,
  siteMeasurement,
} from "../bench/site-measurement.ts";
import { createStaticServer } from "../hosting/static-server.ts";
import { listen } from "../shared/listen.ts";

const OUT = "bench";
const BASELINE = "baseline (static story page)";

/**
 * Everything the bench measures, in the report's order. A new measurement is a module beside
 * this file exporting a SiteMeasurement (see site-measurement.ts) and one line here: its result
 * goes into bench/report.json under its key, its Markdown into bench/report.md.
 */
const MEASUREMENTS: SiteMeasurement[] = [
  lighthouseMeasurement("lighthouse", "Lighthouse", [
    { name: "/", url: ({ site }) => `${site.origin}/`, app: true },
    { name: "/topics/iran", url: ({ site }) => `${site.origin}/topics/iran`, app: true },
    {
      name: `/stories/${SEED_STORY}`,
      url: ({ site }) => `${site.origin}/stories/${SEED_STORY}`,
      app: true,
      lcpAgainst: BASELINE,
    },
    { name: BASELINE, url: ({ baseline }) => `${baseline.origin}/`, app: false },
  ]),
  bytesMeasurement,
  interactionMeasurement,
  siteMeasurement(
    "firstPress",
    ({ site, chromePath }) => firstPressTimings(site.origin, { chromePath }),
    firstPressTable,
  ),
  siteMeasurement(
    "lite",
    ({ site, chromePath }) =>
      liteBench({ origin: site.origin, chromePath, runs: Number(process.env.BENCH_RUNS ?? 3) }),
    liteTable,
  ),
  siteMeasurement(
    "seedBytes",
    ({ site, seedStory, chromePath }) =>
      pageBytes(site.origin, seedStoryTargets(seedStory), { chromePath }),
    pageBytesTable,
  ),
];

async function main(): Promise<void> {
  benchArgs("bench", {});
  const bench = {
    dist: "dist",
    data: "data",
    seedStory: SEED_STORY,
  };
  console.log("Building…");
  // The bench reads what it builds: the repository's content, into dist/, whatever the shell says.
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/commands/build.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATA_DIR: bench.data, OUT_DIR: bench.dist },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);

  const baselineDir = path.join(OUT, "baseline");
  await writeBaseline(baselineDir, bench.dist, bench.data, bench.seedStory);
  const site = await listen(await createStaticServer(bench.dist));
  const baseline = await listen(await createStaticServer(baselineDir));
  const results: Record<string, unknown> = {};
  const sections: string[] = [];
  try {
    const served: BenchSite = {
      ...bench,
      site,
      baseline,
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    };
    for (const part of MEASUREMENTS) {
      const { result, markdown } = await part.run(served);
      results[part.key] = result;
      sections.push(markdown);
    }
  } finally {
    await site.close();
    await baseline.close();
  }

  const markdown = `# Dispatch bench — ${new Date().toISOString()}\n\n${sections.join("\n\n")}\n`;
  await mkdir(OUT, { recursive: true });
  await writeFile(path.join(OUT, "report.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(OUT, "report.md"), markdown);
  console.log(`\n${markdown}\nWritten to ${OUT}/report.json and ${OUT}/report.md`);
}

await main();
