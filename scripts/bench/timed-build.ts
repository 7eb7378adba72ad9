import { spawn } from "node:child_process";
import path from "node:path";
import { watchPeakMemory } from "./process-tree-memory.ts";

export type BuildRun = {
  seconds: number;
  /** The peak memory of all the build's processes at once (process-tree-memory.ts), MB. */
  peakMb: number;
  /** The build's last line: its stage times ("…, search index 2.1 s, …") and its own peak. */
  output: string;
};

/**
 * One `npm run build` of `root` (a checkout; without npm's wrapper) from `dataDir` into
 * `outDir` with the build cache in `cacheDir`, timed from the outside. On failure it prints the
 * build's output and rejects.
 */
export function timedBuild(
  root: string,
  dataDir: string,
  outDir: string,
  cacheDir: string,
): Promise<BuildRun> {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "loader.mjs");
  const started = performance.now();
  const build = spawn(process.execPath, ["--import", tsx, "scripts/commands/build.ts"], {
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
        peakMb: peakKb / 1024,
        output: stdout.trim().split("\n").at(-1) ?? "",
      });
    });
  });
}

/** The seconds of one stage, from the build's last line ("…, precompression 4.0 s, …"). */
export const stageSeconds = (output: string, name: string) =>
  Number(new RegExp(`[(,] ${name} ([\\d.]+) s`).exec(output)?.[1] ?? Number.NaN);
