import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore } from "../shared/build-cache.ts";
import { PRUNE_INTERVAL_MS, pruneObjects, pruneObjectsIfDue } from "./prune-objects.ts";

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let cache: string;
let objectsDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dispatch-prune-"));
  cache = path.join(dir, "cache");
  objectsDir = path.join(cache, "objects");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stored = async () =>
  (await readdir(objectsDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name);

/** Two built pages: one still in the site, one whose site has been deleted since. */
async function storeWithOneUnusedObject() {
  const store = new ObjectStore(cache);
  const used = await store.put(path.join(dir, "site", "index.html"), "<p>today</p>");
  const unused = await store.put(path.join(dir, "old-site", "index.html"), "<p>then</p>");
  await rm(path.join(dir, "old-site"), { recursive: true });
  return { used, unused };
}

describe("pruning the build cache's objects", () => {
  it("deletes an object no site has used for a week, and keeps what a site still uses", async () => {
    const { used, unused } = await storeWithOneUnusedObject();
    expect(await pruneObjects(objectsDir, { now: Date.now() + DAY })).toEqual({
      removed: 0,
      bytes: 0,
      kept: 2,
    });
    expect(await pruneObjects(objectsDir, { now: Date.now() + 8 * DAY })).toEqual({
      removed: 1,
      bytes: "<p>then</p>".length,
      kept: 1,
    });
    expect(await stored()).toEqual([used]);
    expect(await stored()).not.toContain(unused);
  });

  it("runs at most once a day, starting a day after the store was made", async () => {
    await storeWithOneUnusedObject();
    const start = Date.now();
    expect(await pruneObjectsIfDue(objectsDir, start)).toBeUndefined();
    expect(await pruneObjectsIfDue(objectsDir, start + PRUNE_INTERVAL_MS / 2)).toBeUndefined();
    expect(await pruneObjectsIfDue(objectsDir, start + 8 * DAY)).toMatchObject({ removed: 1 });
    expect(await pruneObjectsIfDue(objectsDir, start + 8 * DAY + 1000)).toBeUndefined();
  });

  it("finds nothing to do in a cache that does not exist yet", async () => {
    expect(await pruneObjects(path.join(dir, "nowhere"))).toEqual({
      removed: 0,
      bytes: 0,
      kept: 0,
    });
  });
});
