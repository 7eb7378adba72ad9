import { existsSync } from "node:fs";
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ObjectStore, readIndex, sha1 } from "../content/build-cache.ts";
import { RETENTION, releasesDir, STAGING_PREFIX } from "./releases.ts";
import { CARRY_ASSETS_MS, SiteOutput } from "./site-output.ts";

let dir: string;
let live: string;
let manifestFile: string;
let store: ObjectStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dispatch-site-output-"));
  live = path.join(dir, "dist");
  manifestFile = path.join(dir, "cache", "site.json");
  store = new ObjectStore(path.join(dir, "cache"));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

/** One build: `files` through the store, `direct` written straight into staging. */
async function build(
  files: Record<string, string>,
  direct: Record<string, string> = {},
  beforeCommit: (site: SiteOutput) => Promise<void> = async () => {},
) {
  await mkdir(releasesDir(live), { recursive: true });
  const staging = await mkdtemp(path.join(releasesDir(live), STAGING_PREFIX));
  const site = await SiteOutput.open({ store, staging, live, manifestFile });
  for (const [file, data] of Object.entries(files)) site.put(file, data);
  for (const [file, data] of Object.entries(direct)) {
    await mkdir(path.dirname(site.stagedPath(file)), { recursive: true });
    await writeFile(site.stagedPath(file), data);
  }
  await beforeCommit(site);
  const committed = await site.commit();
  return { site, committed, staging };
}

const liveFiles = async (folder = live) =>
  (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
const inode = async (file: string, folder = live) => (await stat(path.join(folder, file))).ino;
const purge = () => readFile(path.join(live, "_purge.txt"), "utf8");

describe("SiteOutput", () => {
  it("makes the whole site when there is no record of it, and turns a folder into releases", async () => {
    // A dist/ folder from a build before releases, and its record.
    await mkdir(live);
    await writeFile(path.join(live, "old.html"), "from a build before the record");
    const { site, committed } = await build(
      { "index.html": "front", "api/stories/a.json": "{}" },
      { "sw.js": "worker" },
    );
    expect(site.incremental).toBe(false);
    expect((await lstat(live)).isSymbolicLink()).toBe(true);
    expect(path.resolve(dir, await readlink(live))).toBe(committed.release);
    expect(await liveFiles()).toEqual(["_purge.txt", "api/stories/a.json", "index.html", "sw.js"]);
    // Nothing to compare with: a CDN purges everything.
    expect(await purge()).toBe("/*\n");
    // The old folder is the previous release, kept.
    const releases = await readdir(releasesDir(live));
    expect(releases).toHaveLength(2);
    const legacy = releases.find((name) => name.endsWith("-legacy")) ?? "";
    expect(await liveFiles(path.join(releasesDir(live), legacy))).toEqual(["old.html"]);
    expect(committed.stale).toEqual([]);
    const manifest = await readIndex(manifestFile);
    expect(manifest.get("index.html")).toBe(sha1("front"));
    expect(manifest.get("sw.js")).toBe(sha1("worker"));
    expect(manifest.get(":release")).toBe(path.basename(committed.release));
  });

  it("then writes only what changed, links the rest from the live release, and lists what to purge", async () => {
    const first = await build(
      {
        "index.html": "front",
        "stories/a.html": "a",
        "pagefind/shards/1/x": "shard",
        "archive/news/1.json": "page 1",
        "images/p-400.jpg": "photo",
      },
      { "sw.js": "worker", "feeds/all.xml": "feed" },
    );
    const before = { a: await inode("stories/a.html"), index: await inode("index.html") };

    const { site, committed, staging } = await build(
      {
        "index.html": "front, new",
        "stories/a.html": "a",
        "stories/b.html": "b",
        "archive/news/1.json": "page 1, edited",
        "archive/news/2.json": "page 2",
        "images/p-400.jpg": "photo",
      },
      { "sw.js": "worker", "feeds/all.xml": "feed, new" },
      async (building) => {
        // Kept files are read from the live site, new ones from staging.
        expect(building.readBytes("stories/a.html").toString()).toBe("a");
        expect(building.readBytes("stories/b.html").toString()).toBe("b");
        expect(existsSync(building.stagedPath("stories/a.html"))).toBe(false);
      },
    );
    expect(site.incremental).toBe(true);
    expect(committed).toMatchObject({ moved: 5, linked: 2, deleted: 1 });
    expect(await liveFiles()).toEqual([
      "_purge.txt",
      "archive/news/1.json",
      "archive/news/2.json",
      "feeds/all.xml",
      "images/p-400.jpg",
      "index.html",
      "stories/a.html",
      "stories/b.html",
      "sw.js",
    ]);
    expect(await readFile(path.join(live, "index.html"), "utf8")).toBe("front, new");
    // An unchanged file is the same file, linked (the old release still has it).
    expect(await inode("stories/a.html")).toBe(before.a);
    expect(await inode("index.html")).not.toBe(before.index);
    expect(await inode("index.html", first.committed.release)).toBe(before.index);
    // Changed, new and gone paths, feeds before pages; never a new archive page or a shard;
    // the edited archive page, which a CDN would keep forever.
    expect(await purge()).toBe(
      `${["/archive/news/1.json", "/feeds/all.xml", "/", "/stories/b"].join("\n")}\n`,
    );
    expect(existsSync(staging)).toBe(false);
    expect((await readIndex(manifestFile)).has("pagefind/shards/1/x")).toBe(false);
  });

  it("writes a file it is told to write past the object store, and keeps it when unchanged", async () => {
    const first = await build({}, {}, async (site) => {
      site.write("api/stories/a.json", '{"a":1}');
      site.write("api/stories/b.json", '{"b":1}');
    });
    expect(first.committed.moved).toBe(2);
    // Not stored: the store holds no object of that hash.
    expect(store.place(sha1('{"a":1}'), path.join(dir, "probe"))).toBe(false);
    const kept = await inode("api/stories/a.json");
    const { committed } = await build({}, {}, async (site) => {
      site.write("api/stories/a.json", '{"a":1}');
      site.write("api/stories/b.json", '{"b":2}');
      expect(existsSync(site.stagedPath("api/stories/a.json"))).toBe(false);
    });
    expect(committed).toMatchObject({ moved: 1, linked: 1, deleted: 0 });
    expect(await inode("api/stories/a.json")).toBe(kept);
    expect(await readFile(path.join(live, "api/stories/b.json"), "utf8")).toBe('{"b":2}');
    expect(await purge()).toBe("/api/stories/b.json\n");
  });

  it("moves a page rendered again to the same bytes out of staging at once", async () => {
    await build({ "index.html": "front" });
    const { committed } = await build({}, {}, async (site) => {
      await mkdir(path.dirname(site.stagedPath("index.html")), { recursive: true });
      await writeFile(site.stagedPath("index.html"), "front");
      site.record("index.html", sha1("front"));
      expect(existsSync(site.stagedPath("index.html"))).toBe(false);
    });
    expect(committed).toMatchObject({ moved: 0, linked: 1, deleted: 0 });
    expect(await purge()).toBe("");
  });

  it("trusts no record of a live site that is gone, nor one of a release that never went live", async () => {
    await build({ "index.html": "front" });
    await rm(live);
    const afterDelete = await build({ "index.html": "front" });
    expect(afterDelete.site.incremental).toBe(false);
    expect(await liveFiles()).toEqual(["_purge.txt", "index.html"]);

    // A build killed after recording its release but before switching to it.
    const killed = new Map(await readIndex(manifestFile));
    killed.set(":release", "20991231T000000000Z");
    const { writeIndex } = await import("../content/build-cache.ts");
    await writeIndex(manifestFile, killed);
    expect((await build({ "index.html": "front" })).site.incremental).toBe(false);
    expect((await build({ "index.html": "front" })).site.incremental).toBe(true);
  });

  it("keeps the previous builds' assets for a day, and old releases for a while", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.UTC(2026, 0, 1);
    vi.setSystemTime(t0);
    const first = await build({ "index.html": "v1", "assets/app-1.js": "one" });
    vi.setSystemTime(t0 + 60_000);
    const second = await build({ "index.html": "v2", "assets/app-2.js": "two" });
    // A page of the first build asks for app-1.js after the switch: it is there.
    expect(await liveFiles()).toEqual([
      "_purge.txt",
      "assets/app-1.js",
      "assets/app-2.js",
      "index.html",
    ]);
    expect(second.committed.stale).toEqual([]);
    vi.setSystemTime(t0 + 2 * 60_000);
    const third = await build({ "index.html": "v3", "assets/app-3.js": "three" });
    expect(await liveFiles()).toEqual([
      "_purge.txt",
      "assets/app-1.js",
      "assets/app-2.js",
      "assets/app-3.js",
      "index.html",
    ]);
    // The first release was replaced a minute ago: kept.
    expect(third.committed.stale).toEqual([]);
    vi.setSystemTime(t0 + 2 * 60_000 + RETENTION.replacedForMs + 1);
    await mkdir(path.join(releasesDir(live), `${STAGING_PREFIX}killed`));
    const fourth = await build({ "index.html": "v4", "assets/app-3.js": "three" });
    // Past its retention, and a killed build's folder; the one before the live one stays.
    expect(fourth.committed.stale.sort()).toEqual(
      [
        first.committed.release,
        second.committed.release,
        path.join(releasesDir(live), `${STAGING_PREFIX}killed`),
      ].sort(),
    );
    // A day after the third build dropped app-2.js (and app-1.js, carried since the second).
    vi.setSystemTime(t0 + 2 * 60_000 + CARRY_ASSETS_MS + 1);
    await build({ "index.html": "v5", "assets/app-3.js": "three" });
    expect(await liveFiles()).toEqual(["_purge.txt", "assets/app-3.js", "index.html"]);
  });
});
