import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { liveSite, nextReleaseName, releaseName, releasesDir, switchLive } from "./releases.ts";

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dispatch-releases-"));
  out = path.join(dir, "dist");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function release(name: string, text: string): Promise<string> {
  const folder = path.join(releasesDir(out), name);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "index.html"), text);
  return folder;
}

/** Reads dist/index.html in a loop on another thread while `switching` runs; counts failures. */
async function readWhile(switching: () => Promise<void>) {
  const reader = new Worker(
    `const { readFileSync } = require("node:fs");
     const { parentPort, workerData } = require("node:worker_threads");
     let reads = 0, failures = 0, stop = false;
     parentPort.on("message", () => { stop = true; });
     const loop = () => {
       for (let i = 0; i < 200; i++) {
         try { readFileSync(workerData); reads++; } catch { failures++; }
       }
       if (stop) parentPort.postMessage({ reads, failures }); else setImmediate(loop);
     };
     parentPort.postMessage("reading");
     loop();`,
    { eval: true, workerData: path.join(out, "index.html") },
  );
  // Only once it reads: a worker takes a while to start on a busy machine.
  await new Promise((resolve) => reader.once("message", resolve));
  await switching();
  reader.postMessage("stop");
  const counts = await new Promise<{ reads: number; failures: number }>((resolve) =>
    reader.once("message", resolve),
  );
  await reader.terminate();
  return counts;
}

describe("switchLive", () => {
  it("switches the site with no moment a reader finds none", async () => {
    const a = await release(releaseName(1_000), "a");
    const b = await release(releaseName(2_000), "b");
    await switchLive(out, a);
    const counts = await readWhile(async () => {
      for (let i = 0; i < 300; i++) await switchLive(out, i % 2 ? a : b);
    });
    expect(counts.reads).toBeGreaterThan(0);
    expect(counts.failures).toBe(0);
    expect((await liveSite(out)).release).toBe(releaseName(1_000));
  });

  it("is caught by the same reader when the switch leaves a gap (the test-only seam)", async () => {
    const a = await release(releaseName(1_000), "a");
    const b = await release(releaseName(2_000), "b");
    await switchLive(out, a);
    // 30 gaps of 10 ms: long enough for the reader to run in one on a busy machine.
    vi.stubEnv("DISPATCH_SWAP_GAP_MS", "10");
    const counts = await readWhile(async () => {
      for (let i = 0; i < 30; i++) await switchLive(out, i % 2 ? a : b);
    });
    expect(counts.failures).toBeGreaterThan(0);
  });

  it("turns a folder at OUT_DIR into the release before the new one", async () => {
    await mkdir(out);
    await writeFile(path.join(out, "index.html"), "old");
    const next = await release(nextReleaseName(await liveSite(out), 5_000), "new");
    await switchLive(out, next);
    expect(await liveSite(out)).toEqual({ dir: next, release: releaseName(5_000), legacy: false });
    expect((await readdir(releasesDir(out))).sort()).toEqual([
      `${releaseName(4_999)}-legacy`,
      releaseName(5_000),
    ]);
  });

  it("names a release after the live one even when the clock went back", async () => {
    await switchLive(out, await release(releaseName(9_000), "a"));
    expect(nextReleaseName(await liveSite(out), 8_000)).toBe(releaseName(9_001));
  });
});
