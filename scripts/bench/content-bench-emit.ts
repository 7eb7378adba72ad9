import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { median } from "./median.ts";
import { generateCorpus, IMAGES, TOPICS } from "./synthetic-archive.ts";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("./content-bench-emit-child.ts", import.meta.url));
export const EMIT_FEED_FILE = "api/feeds/breaking-news/head.json";

export type EmitMeasurement = {
  loadMs: number;
  emitMs: number;
  maxRssKb: number;
  stories: number;
  files: number;
  feedBytes: number;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/**
 * `npm run bench:content -- --stories N [--runs R]`: times loadContent + writeApiFiles on a
 * synthetic corpus of N stories. Each run is a fresh child process (content-bench-emit-child.ts)
 * so its peak RSS is its own, not the high-water mark of the runs (and the corpus generation)
 * before it.
 */
export async function emitBench(stories: number, runs: number): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), "dispatch-bench-"));
  try {
    const dataDir = path.join(workDir, "data");
    console.log(`generating ${stories} stories in ${dataDir} ...`);
    await generateCorpus(dataDir, stories);

    // Each run's output is kept until the end: ext4 makes new files slow to allocate for a
    // while after many deletions, so deleting run N's output would tax run N + 1.
    const results: EmitMeasurement[] = [];
    for (let i = 1; i <= runs; i++) {
      const outDir = path.join(workDir, `out-${i}`);
      const { stdout } = await run(
        process.execPath,
        [...process.execArgv, CHILD, dataDir, outDir],
        {
          maxBuffer: 1 << 20,
        },
      );
      const m = JSON.parse(stdout) as EmitMeasurement;
      results.push(m);
      console.log(
        `run ${i}: load+validate ${seconds(m.loadMs)}, emit ${seconds(m.emitMs)}, total ${seconds(m.loadMs + m.emitMs)}, peak RSS ${megabytes(m.maxRssKb)}`,
      );
    }

    const last = results.at(-1) as EmitMeasurement;
    const mid = (pick: (m: EmitMeasurement) => number) => median(results.map(pick));
    console.log(
      [
        `stories: ${last.stories}, topics: ${TOPICS.length}, source images: ${IMAGES.length}, runs: ${runs}`,
        `median wall time (loadContent + writeApiFiles): ${seconds(mid((m) => m.loadMs + m.emitMs))}` +
          ` (load+validate ${seconds(mid((m) => m.loadMs))}, emit ${seconds(mid((m) => m.emitMs))})`,
        `peak RSS: median ${megabytes(mid((m) => m.maxRssKb))}, max ${megabytes(Math.max(...results.map((m) => m.maxRssKb)))}`,
        `files written: ${last.files}; ${EMIT_FEED_FILE}: ${last.feedBytes} bytes`,
      ].join("\n"),
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
