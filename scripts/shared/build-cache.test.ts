import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore, readIndex, sha1, writeIndex } from "./build-cache.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dispatch-cache-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const objects = async (cache: string) =>
  (await readdir(path.join(cache, "objects"), { recursive: true, withFileTypes: true })).filter(
    (entry) => entry.isFile(),
  ).length;

describe("ObjectStore", () => {
  it("stores each content once and places the stored file (inode) wherever it is used", async () => {
    const cache = path.join(dir, "cache");
    const store = new ObjectStore(cache);
    const first = path.join(dir, "site-a", "api", "x.json");
    const second = path.join(dir, "site-b", "deep", "y.json");
    const third = path.join(dir, "site-c", "z.json");
    const hash = store.put(first, '{"a":1}');
    expect(hash).toBe(sha1('{"a":1}'));
    expect(store.put(second, '{"a":1}')).toBe(hash);
    expect(await readFile(second, "utf8")).toBe('{"a":1}');
    expect(await objects(cache)).toBe(1);
    expect(store.place(hash, third)).toBe(true);
    expect((await stat(first)).ino).toBe((await stat(third)).ino);

    await store.put(path.join(dir, "site-b", "z.json"), '{"a":2}');
    expect(await objects(cache)).toBe(2);
  });

  it("places only what it has stored", async () => {
    const store = new ObjectStore(path.join(dir, "cache"));
    expect(await store.place(sha1("never stored"), path.join(dir, "out", "a.html"))).toBe(false);
    const hash = await store.put(path.join(dir, "out", "b.html"), "<p>stored</p>");
    expect(await store.place(hash, path.join(dir, "out2", "c.html"))).toBe(true);
    expect(await readFile(path.join(dir, "out2", "c.html"), "utf8")).toBe("<p>stored</p>");
  });

  it("replaces a file placed before at the same address (a cached set found incomplete is written anew)", async () => {
    const store = new ObjectStore(path.join(dir, "cache"));
    const target = path.join(dir, "out", "index.json");
    store.put(target, "old");
    expect(store.put(target, "new")).toBe(sha1("new"));
    expect(await readFile(target, "utf8")).toBe("new");
    // The stored "old" was not written through: the cache still holds it intact.
    expect(store.place(sha1("old"), target)).toBe(true);
    expect(await readFile(target, "utf8")).toBe("old");
  });
});

describe("index files", () => {
  it("round-trip, and a missing one reads as empty (a full build)", async () => {
    const file = path.join(dir, "cache", "pages.tsv");
    expect(await readIndex(file)).toEqual(new Map());
    const index = new Map([
      ["stories/a.html", sha1("a")],
      ["code", ""],
    ]);
    await writeIndex(file, index);
    expect(await readIndex(file)).toEqual(index);
  });

  it("reads one cut short as empty, and refuses a key it could not read back", async () => {
    const file = path.join(dir, "cache", "pages.tsv");
    await writeIndex(file, new Map([["stories/a.html", sha1("a")]]));
    await writeFile(file, (await readFile(file, "utf8")).slice(0, 20));
    expect(await readIndex(file)).toEqual(new Map());
    await expect(writeIndex(file, new Map([["a\tb", "x"]]))).rejects.toThrow(/tab or line break/);
  });
});
