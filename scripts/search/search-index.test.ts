import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ObjectStore, readIndex } from "../shared/build-cache.ts";
import { SiteOutput } from "../shared/site-output.ts";
import { buildSearchIndex, type StoryPage, shardList, shardsOf } from "./search-index.ts";

const page = (n: number, publishedAt: string): StoryPage => ({
  file: `stories/s${String(n).padStart(3, "0")}.html`,
  documentHash: `h${n}`,
  publishedAt,
});
const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString();

describe("shardsOf", () => {
  it("cuts the stories into shards in publication order, oldest first, whatever order they come in", () => {
    const pages = [
      page(3, day(3)),
      page(1, day(1)),
      page(5, day(5)),
      page(2, day(2)),
      page(4, day(4)),
    ];
    const shards = shardsOf(pages, 2, "salt");
    expect(shards.map((shard) => shard.pages.map((p) => p.file))).toEqual([
      ["stories/s001.html", "stories/s002.html"],
      ["stories/s003.html", "stories/s004.html"],
      ["stories/s005.html"],
    ]);
  });

  it("keeps the full shards' keys when stories are published, changing only the newest one's", () => {
    const before = shardsOf(
      [1, 2, 3, 4, 5].map((n) => page(n, day(n))),
      2,
      "salt",
    );
    const after = shardsOf(
      [1, 2, 3, 4, 5, 6, 7].map((n) => page(n, day(n))),
      2,
      "salt",
    );
    expect(after.slice(0, 2).map((shard) => shard.key)).toEqual(
      before.slice(0, 2).map((shard) => shard.key),
    );
    expect(after[2]?.key).not.toBe(before[2]?.key);
    expect(after).toHaveLength(4);
  });

  it("gives a shard a new key when one of its pages' search documents changes, or Pagefind's version (the salt) does", () => {
    const pages = [1, 2, 3].map((n) => page(n, day(n)));
    const [first] = shardsOf(pages, 2, "salt");
    const edited = shardsOf(
      [{ ...page(1, day(1)), documentHash: "new" }, ...pages.slice(1)],
      2,
      "salt",
    );
    expect(edited[0]?.key).not.toBe(first?.key);
    expect(edited[1]?.key).toBe(shardsOf(pages, 2, "salt")[1]?.key);
    expect(shardsOf(pages, 2, "other")[0]?.key).not.toBe(first?.key);
  });

  it("orders stories published at the same time by file, so every build cuts them alike", () => {
    const pages = [page(2, day(1)), page(1, day(1)), page(3, day(1))];
    expect(shardsOf(pages, 3, "salt")[0]?.pages.map((p) => p.file)).toEqual([
      "stories/s001.html",
      "stories/s002.html",
      "stories/s003.html",
    ]);
  });
});

describe("shardList", () => {
  it("lists the shards newest first, with their folders, sizes and dates", () => {
    const shards = shardsOf(
      [1, 2, 3].map((n) => page(n, day(n))),
      2,
      "salt",
    );
    expect(shardList(shards, (shard) => `shards/${shard.key.slice(0, 4)}`)).toEqual({
      version: 1,
      shards: [
        {
          path: `/pagefind/shards/${shards[1]?.key.slice(0, 4)}/`,
          stories: 1,
          newest: day(3),
          oldest: day(3),
        },
        {
          path: `/pagefind/shards/${shards[0]?.key.slice(0, 4)}/`,
          stories: 2,
          newest: day(2),
          oldest: day(1),
        },
      ],
    });
  });
});

describe("buildSearchIndex", () => {
  it("lets two index stages write the same cache index at once: neither shares the other's temporary file", async () => {
    const work = await mkdtemp(path.join(tmpdir(), "dispatch-search-index-"));
    try {
      await mkdir(path.join(work, "stories"));
      const storyPages: StoryPage[] = [];
      for (let n = 0; n < 3; n++) {
        const file = `stories/s${n}.html`;
        const html = `<!doctype html><html lang="en"><body><article data-pagefind-body=""><h1>Story ${n}</h1><p>Words of story ${n}.</p></article></body></html>`;
        await writeFile(path.join(work, file), html);
        storyPages.push({
          file,
          documentHash: `h${n}`,
          publishedAt: `2024-01-0${n + 1}T00:00:00Z`,
        });
      }
      const indexFile = path.join(work, "cache", "search.json");
      const stage = async () => {
        const site = await SiteOutput.open({
          store: new ObjectStore(path.join(work, "cache")),
          staging: work,
          live: path.join(work, "not-published"),
          manifestFile: path.join(work, "cache", "site.json"),
        });
        return buildSearchIndex({ site, storyPages, indexFile, shardStories: 2 });
      };
      const built = await Promise.all([stage(), stage(), stage()]);
      expect(built.map((result) => result.shards)).toEqual([2, 2, 2]);
      // The index is whole, and no partial file is left beside it.
      expect((await readIndex(indexFile)).size).toBe(built[0]?.files);
      expect(await readdir(path.dirname(indexFile))).not.toContainEqual(
        expect.stringMatching(/^search\.json\./),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);
});
