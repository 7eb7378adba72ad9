import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore, readIndex, sha1 } from "../content/build-cache.ts";
import { SiteOutput } from "./site-output.ts";

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
afterEach(() => rm(dir, { recursive: true, force: true }));

/** One build: `files` through the store, `direct` written straight into staging. */
async function build(
  files: Record<string, string>,
  direct: Record<string, string> = {},
  beforeCommit: (site: SiteOutput) => Promise<void> = async () => {},
) {
  const staging = await mkdtemp(path.join(dir, ".dispatch-build-"));
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

const liveFiles = async () =>
  (await readdir(live, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(live, path.join(entry.parentPath, entry.name)))
    .sort();
const inode = async (file: string) => (await stat(path.join(live, file))).ino;

describe("SiteOutput", () => {
  it("replaces the site whole when there is no record of it, and records every file", async () => {
    await mkdir(live);
    await writeFile(path.join(live, "old.html"), "from a build before the record");
    const { site, committed } = await build(
      { "index.html": "front", "api/stories/a.json": "{}" },
      { "sw.js": "worker" },
    );
    expect(site.inPlace).toBe(false);
    expect(await liveFiles()).toEqual(["api/stories/a.json", "index.html", "sw.js"]);
    expect(committed.replaced && existsSync(path.join(committed.replaced, "old.html"))).toBe(true);
    expect(Object.fromEntries(await readIndex(manifestFile))).toEqual({
      "api/stories/a.json": sha1("{}"),
      "index.html": sha1("front"),
      "sw.js": sha1("worker"),
    });
  });

  it("then writes only what changed into the live site, and deletes what is gone", async () => {
    await build(
      { "index.html": "front", "stories/a.html": "a", "pagefind/shards/1/x": "shard" },
      { "sw.js": "worker", "feeds/all.xml": "feed" },
    );
    const kept = { index: await inode("index.html"), a: await inode("stories/a.html") };
    const keptFeed = await inode("feeds/all.xml");

    const { site, committed, staging } = await build(
      { "index.html": "front, new", "stories/a.html": "a", "stories/b.html": "b" },
      { "sw.js": "worker", "feeds/all.xml": "feed, new" },
      async (building) => {
        // Kept files are read from the live site, new ones from staging.
        expect(building.readBytes("stories/a.html").toString()).toBe("a");
        expect(building.readBytes("stories/b.html").toString()).toBe("b");
        expect(existsSync(building.stagedPath("stories/a.html"))).toBe(false);
      },
    );
    expect(site.inPlace).toBe(true);
    expect(committed).toEqual({ moved: 3, deleted: 1 });
    expect(await liveFiles()).toEqual([
      "feeds/all.xml",
      "index.html",
      "stories/a.html",
      "stories/b.html",
      "sw.js",
    ]);
    expect(await readFile(path.join(live, "index.html"), "utf8")).toBe("front, new");
    expect(await readFile(path.join(live, "feeds/all.xml"), "utf8")).toBe("feed, new");
    // An unchanged file is the same file: a sync or upload sees only the changes.
    expect(await inode("stories/a.html")).toBe(kept.a);
    expect(await inode("index.html")).not.toBe(kept.index);
    expect(await inode("feeds/all.xml")).not.toBe(keptFeed);
    // The removed shard's folder goes with its file; the staging folder is gone.
    expect(existsSync(path.join(live, "pagefind"))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect((await readIndex(manifestFile)).get("stories/b.html")).toBe(sha1("b"));
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
    expect(committed).toEqual({ moved: 1, deleted: 0 });
    expect(await inode("api/stories/a.json")).toBe(kept);
    expect(await readFile(path.join(live, "api/stories/b.json"), "utf8")).toBe('{"b":2}');
  });

  it("moves a page rendered again to the same bytes out of staging at once", async () => {
    await build({ "index.html": "front" });
    const { committed } = await build({}, {}, async (site) => {
      await mkdir(path.dirname(site.stagedPath("index.html")), { recursive: true });
      await writeFile(site.stagedPath("index.html"), "front");
      site.record("index.html", sha1("front"));
      expect(existsSync(site.stagedPath("index.html"))).toBe(false);
    });
    expect(committed).toEqual({ moved: 0, deleted: 0 });
  });

  it("trusts no record of a live site that is gone, nor one a stopped publish left", async () => {
    await build({ "index.html": "front" });
    await rm(live, { recursive: true });
    const afterDelete = await build({ "index.html": "front" });
    expect(afterDelete.site.inPlace).toBe(false);
    expect(await liveFiles()).toEqual(["index.html"]);

    // A publish that stops while moving files in leaves no record: the next build is whole.
    const stopped = await mkdtemp(path.join(dir, ".dispatch-build-"));
    const site = await SiteOutput.open({ store, staging: stopped, live, manifestFile });
    expect(site.inPlace).toBe(true);
    site.put("index.html", "front, new");
    await rm(live, { recursive: true });
    await writeFile(live, "a file where the site's folder was");
    await expect(site.commit()).rejects.toThrow();
    expect(existsSync(manifestFile)).toBe(false);
    await rm(live);
    expect((await build({ "index.html": "front" })).site.inPlace).toBe(false);
  });
});
