import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { treeRssKb } from "./process-tree-memory.ts";

describe("treeRssKb", () => {
  it("counts a process's children with it", async () => {
    // A child that holds about 100 MB, under this process.
    const child = spawn(process.execPath, [
      "-e",
      "const b = Buffer.alloc(100e6, 1); process.stdout.write('ready'); setTimeout(() => b, 60000)",
    ]);
    await new Promise((resolve) => child.stdout.once("data", resolve));
    try {
      const own = treeRssKb(child.pid ?? 0);
      const tree = treeRssKb(process.pid);
      expect(own).toBeGreaterThan(100_000);
      expect(tree).toBeGreaterThanOrEqual(own + Math.round(process.memoryUsage().rss / 1024 / 2));
    } finally {
      child.kill();
    }
  });
});
