import { existsSync } from "node:fs";
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ObjectStore, readIndex, sha1 } from "./build-cache.ts";
import { RETENTION, REUSE_AFTER_MS, releasesDir, STAGING_PREFIX } from "./releases.ts";
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
    const before = {
      a: await inode("stories/a.html"),
      index: await inode("index.html"),
      sw: await inode("sw.js"),
    };

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
    // sw.js, written into staging again with the same bytes, is linked as the others.
    expect(committed).toMatchObject({ moved: 5, linked: 3, deleted: 1 });
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
    expect(await inode("sw.js")).toBe(before.sw);
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
    const { writeIndex } = await import("./build-cache.ts");
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
    // A second after the switch: too soon to rewrite the first release, a new folder.
    vi.setSystemTime(t0 + 61_000);
    const third = await build({ "index.html": "v3", "assets/app-3.js": "three" });
    expect(third.committed.reused).toBeUndefined();
    const threeScripts = [
      "_purge.txt",
      "assets/app-1.js",
      "assets/app-2.js",
      "assets/app-3.js",
      "index.html",
    ];
    expect(await liveFiles()).toEqual(threeScripts);
    // The first release was replaced a second ago: kept.
    expect(third.committed.stale).toEqual([]);
    vi.setSystemTime(t0 + 61_000 + RETENTION.replacedForMs + 1);
    await mkdir(path.join(releasesDir(live), `${STAGING_PREFIX}killed`));
    const fourth = await build({ "index.html": "v4", "assets/app-3.js": "three" });
    // The second release, the one before the live one, is rewritten into the fourth; the
    // first is past its retention; a killed build's folder and the fourth's staging go too.
    expect(fourth.committed.reused).toBe(path.basename(second.committed.release));
    expect(fourth.committed.stale.sort()).toEqual(
      [
        first.committed.release,
        fourth.staging,
        path.join(releasesDir(live), `${STAGING_PREFIX}killed`),
      ].sort(),
    );
    // The rewritten second release has the scripts the fourth carries, and the new one.
    expect(await liveFiles()).toEqual(threeScripts);
    // A day after the third build dropped app-2.js (and app-1.js, carried since the second):
    // gone from the third release too, rewritten into the fifth.
    vi.setSystemTime(t0 + 61_000 + CARRY_ASSETS_MS + 1);
    const fifth = await build({ "index.html": "v5", "assets/app-3.js": "three" });
    expect(fifth.committed.reused).toBe(path.basename(third.committed.release));
    expect(await liveFiles()).toEqual(["_purge.txt", "assets/app-3.js", "index.html"]);
  });
});

describe("SiteOutput after a hand rollback", () => {
  it("keeps the release rolled back to as the previous one, not the one rolled back from", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.UTC(2026, 0, 1);
    vi.setSystemTime(t0);
    const good = (await build({ "index.html": "good" })).committed.release;
    vi.setSystemTime(t0 + 60_000);
    const bad = (await build({ "index.html": "bad" })).committed.release;
    // What docs/build.md says to run: ln -sfn dist.releases/<time> dist.new && mv -T dist.new dist
    await symlink(path.relative(dir, good), `${live}.new`);
    await rename(`${live}.new`, live);
    vi.setSystemTime(t0 + 60_000 + RETENTION.replacedForMs + 1);
    const next = await build({ "index.html": "fixed" });
    // The good release was live until this build: it stays beside the new one.
    expect(next.committed.stale).toContain(bad);
    expect(next.committed.stale).not.toContain(good);
    expect(await liveFiles(good)).toEqual(["_purge.txt", "index.html"]);
    expect(await readFile(path.join(live, "index.html"), "utf8")).toBe("fixed");
  });
});

describe("SiteOutput, rewriting the release before the live one", () => {
  const t0 = Date.UTC(2026, 0, 1);
  const stories = (edits: Record<string, string>) =>
    Object.fromEntries(
      Array.from({ length: 50 }, (_, n) => [`stories/s${n}.html`, edits[`s${n}`] ?? `story ${n}`]),
    );
  const inodes = async (folder: string) =>
    new Map(
      await Promise.all(
        (await liveFiles(folder)).map(async (f) => [f, await inode(f, folder)] as const),
      ),
    );
  /** Three builds a minute apart: the third may rewrite the first's release. */
  async function threeBuilds() {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const first = await build({ ...stories({}), "index.html": "v1", "assets/app-1.js": "one" });
    vi.setSystemTime(t0 + 60_000);
    const second = await build({
      ...stories({ s1: "story 1, corrected" }),
      "index.html": "v2",
      "assets/app-2.js": "two",
    });
    return { first, second };
  }

  it("rewrites only the files that changed over two builds, and links none of the rest", async () => {
    const { first, second } = await threeBuilds();
    const firstRelease = first.committed.release;
    const before = await inodes(firstRelease);
    const corrected = await inode("stories/s1.html", second.committed.release);
    vi.setSystemTime(t0 + 120_000);
    const third = await build({
      ...stories({ s1: "story 1, corrected" }),
      "stories/s50.html": "story 50",
      "index.html": "v3",
      "assets/app-2.js": "two",
    });
    expect(third.committed.reused).toBe(path.basename(firstRelease));
    expect(existsSync(firstRelease)).toBe(false);
    // Written: the front page and the new story (moved from staging) and the purge list;
    // linked from the live release: the story the second build corrected and the script it
    // brought. Nothing else.
    expect(third.committed).toMatchObject({ moved: 2, linked: 2 });
    const after = await inodes(third.committed.release);
    const replaced = [...after].filter(([file, ino]) => before.get(file) !== ino).map(([f]) => f);
    expect(replaced.sort()).toEqual([
      "_purge.txt",
      "assets/app-2.js",
      "index.html",
      "stories/s1.html",
      "stories/s50.html",
    ]);
    expect(after.get("stories/s1.html")).toBe(corrected);
    // The site is the third build's, file for file, with the second build's script carried
    // (the first's, carried by the second, still in its day too).
    const built = { ...stories({ s1: "story 1, corrected" }), "stories/s50.html": "story 50" };
    for (const [file, text] of Object.entries(built))
      expect(await readFile(path.join(live, file), "utf8")).toBe(text);
    expect(await readFile(path.join(live, "index.html"), "utf8")).toBe("v3");
    expect((await liveFiles()).filter((file) => file.startsWith("assets/"))).toEqual([
      "assets/app-1.js",
      "assets/app-2.js",
    ]);
    // The purge list is against the live release (the second), not the rewritten one.
    expect(await purge()).toBe(`${["/", "/stories/s50"].join("\n")}\n`);
    // Two releases: the live one and the one before it, the second, to roll back to.
    await rm(third.staging, { recursive: true });
    expect((await readdir(releasesDir(live))).sort()).toEqual(
      [second.committed.release, third.committed.release].map((r) => path.basename(r)).sort(),
    );
    expect((await readIndex(`${manifestFile}.previous`)).get(":release")).toBe(
      path.basename(second.committed.release),
    );
  });

  it("does not rewrite a release that went out of service moments ago, nor one a failed build left half rewritten", async () => {
    const { first, second } = await threeBuilds();
    vi.setSystemTime(t0 + 60_000 + REUSE_AFTER_MS - 1);
    const tooSoon = await build({ ...stories({}), "index.html": "v3" });
    expect(tooSoon.committed.reused).toBeUndefined();
    // Every unchanged file linked into a new folder (the first story is the first build's
    // again, written).
    expect(tooSoon.committed.linked).toBe(49);
    expect(existsSync(first.committed.release)).toBe(true);

    // A build that fails while rewriting the second release (as one killed there would stop):
    // a folder made by hand where the second release has a file to replace.
    vi.setSystemTime(t0 + 180_000);
    const blocked = path.join(second.committed.release, "stories/s1.html");
    await rm(blocked);
    await mkdir(blocked);
    await writeFile(path.join(blocked, "x"), "x");
    await expect(build({ ...stories({}), "index.html": "v4" })).rejects.toThrow(
      /is not what the build cache says/,
    );
    // The half-rewritten release has no record and no release's name.
    expect(existsSync(second.committed.release)).toBe(false);
    expect(existsSync(`${manifestFile}.previous`)).toBe(false);
    vi.setSystemTime(t0 + 240_000);
    const next = await build({ ...stories({}), "index.html": "v4" });
    expect(next.committed.reused).toBeUndefined();
    expect(await readFile(path.join(live, "stories/s1.html"), "utf8")).toBe("story 1");
    expect(await readFile(path.join(live, "index.html"), "utf8")).toBe("v4");
  });
});
