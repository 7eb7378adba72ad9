import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { watchPeakMemory } from "./process-tree-memory.ts";

export type BuildRun = {
  seconds: number;
  /** The CPU time (user and system) of all the build's processes: steadier than wall time. */
  cpuSeconds: number;
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
  const cpuBefore = childrenCpuSeconds();
  // A checkout from before scripts/commands/ (a "before" figure) has its build at the top.
  const command = existsSync(path.join(root, "scripts/commands/build.ts"))
    ? "scripts/commands/build.ts"
    : "scripts/build.ts";
  const build = spawn(process.execPath, ["--import", tsx, command], {
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

/** The seconds of one stage, from the build's last line ("…, precompression 4.0 s, …"). */
export const stageSeconds = (output: string, name: string) =>
  Number(new RegExp(`[(,] ${name} ([\\d.]+) s`).exec(output)?.[1] ?? Number.NaN);

/**
 * The CPU time (user and system) of this process's children that have ended and been waited
 * for, and of theirs (Linux: /proc/self/stat's cutime and cstime, in clock ticks of 1/100 s).
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  // Fields 16 and 17 of proc(5), counted from the state (field 3) at index 0.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
