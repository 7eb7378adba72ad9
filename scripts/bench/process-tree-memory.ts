import { readdirSync, readFileSync } from "node:fs";

/**
 * The resident memory of a process and every process under it, from /proc (Linux): a build's
 * peak memory is that of all its processes at once (its own with its threads, the app's Vite
 * builds, Pagefind's indexers), which no single process's peak tells.
 */
export function treeRssKb(rootPid: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${entry}/status`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    parent.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parent.get(at)) {
      if (at === rootPid) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/** Samples treeRssKb(pid) every `intervalMs`; `stop()` returns the highest sample, in KB. */
export function watchPeakMemory(pid: number, intervalMs = 100): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssKb(pid));
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
