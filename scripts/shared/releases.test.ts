import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  liveSite,
  nextReleaseName,
  REUSE_AFTER_MS,
  releaseName,
  releasesDir,
  reusableRelease,
  rewriteRelease,
  switchLive,
} from "./releases.ts";

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

describe("reusableRelease", () => {
  it("gives the release before the live one only once no reader can still be in it", async () => {
    const before = await release(releaseName(1_000), "a");
    await switchLive(out, await release(releaseName(60_000), "b"));
    const live = await liveSite(out);
    const name = releaseName(1_000);
    expect(await reusableRelease(out, live, name, 60_000 + REUSE_AFTER_MS)).toBe(before);
    // The live release went live a moment ago: the one before may still be read.
    expect(await reusableRelease(out, live, name, 60_000 + REUSE_AFTER_MS - 1)).toBeUndefined();
    // No record, the live release itself (a rollback by hand), one that is gone.
    const later = 60_000 + REUSE_AFTER_MS;
    expect(await reusableRelease(out, live, undefined, later)).toBeUndefined();
    expect(await reusableRelease(out, live, releaseName(60_000), later)).toBeUndefined();
    expect(await reusableRelease(out, live, releaseName(2_000), later)).toBeUndefined();
  });
});

describe("rewriteRelease", () => {
  it("replaces only the files whose hash differs, deletes the rest and the folders they leave", async () => {
    const folder = path.join(dir, "old");
    const source = path.join(dir, "new");
    const files = { "a.html": "a", "x/b.html": "b", "y/z/c.html": "c", "d/e.html": "e" };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
      await writeFile(path.join(folder, file), text);
    }
    await mkdir(path.join(source, "x"), { recursive: true });
    await writeFile(path.join(source, "x/b.html"), "b2");
    await writeFile(path.join(source, "d"), "d is a file now");
    await writeFile(path.join(source, "n.html"), "n");
    const kept = (await stat(path.join(folder, "a.html"))).ino;
    const counts = await rewriteRelease({
      folder,
      has: new Map([
        ["a.html", "ha"],
        ["x/b.html", "hb"],
        ["y/z/c.html", "hc"],
        ["d/e.html", "he"],
      ]),
      wants: new Map([
        ["a.html", "ha"],
        ["x/b.html", "hb2"],
        ["d", "hd"],
        ["n.html", "hn"],
      ]),
      source: (file) => ({ from: path.join(source, file), move: file !== "n.html" }),
    });
    expect(counts).toEqual({ moved: 2, linked: 1, deleted: 2 });
    expect((await readdir(folder, { recursive: true })).sort()).toEqual([
      "a.html",
      "d",
      "n.html",
      "x",
      "x/b.html",
    ]);
    expect((await stat(path.join(folder, "a.html"))).ino).toBe(kept);
    expect(await readFile(path.join(folder, "x/b.html"), "utf8")).toBe("b2");
    expect(await readFile(path.join(folder, "d"), "utf8")).toBe("d is a file now");
    // Linked, not moved: the live release keeps its file.
    expect((await stat(path.join(folder, "n.html"))).ino).toBe(
      (await stat(path.join(source, "n.html"))).ino,
    );
  });
});
