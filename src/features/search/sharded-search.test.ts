import { describe, expect, it } from "vitest";
import { ShardedSearch } from "@/features/search/sharded-search";

type Hit = { id: string; score: number };

/** Shards as lists of hits, newest first; records which shards were searched, in order. */
function fakeShards(shards: Hit[][]) {
  const searched: number[] = [];
  const search = new ShardedSearch<Hit>(shards.length, async (index) => {
    searched.push(index);
    return shards[index] ?? [];
  });
  return { search, searched };
}

const hits = (prefix: string, ...scores: number[]): Hit[] =>
  scores.map((score, index) => ({ id: `${prefix}${index}`, score }));

describe("ShardedSearch", () => {
  it("searches only the newest shard when it has a page of results, best first", async () => {
    const { search, searched } = fakeShards([hits("new", 1, 5, 3), hits("old", 9, 9)]);
    expect((await search.place(2)).map((hit) => hit.id)).toEqual(["new1", "new2"]);
    expect(searched).toEqual([0]);
    // Found so far, not the whole count: an older shard is still to be searched.
    expect(search.found).toBe(3);
    expect(search.complete).toBe(false);
    expect(search.hasMore).toBe(true);
  });

  it("goes on to older shards until a page is full, ranking what it found together", async () => {
    const { search, searched } = fakeShards([hits("a", 2), [], hits("c", 7, 1), hits("d", 8)]);
    expect((await search.place(3)).map((hit) => hit.id)).toEqual(["c0", "a0", "c1"]);
    expect(searched).toEqual([0, 1, 2]);
    expect(search.complete).toBe(false);
  });

  it("never reorders what it has placed: a better match found later comes in a later page", async () => {
    const { search } = fakeShards([hits("new", 3, 2), hits("old", 10)]);
    await search.place(2);
    await search.searchAll(
      () => {},
      () => false,
    );
    expect(search.complete).toBe(true);
    expect(search.found).toBe(3);
    expect((await search.place(2)).map((hit) => hit.id)).toEqual(["old0"]);
    expect(search.placed.map((hit) => hit.id)).toEqual(["new0", "new1", "old0"]);
    expect(search.hasMore).toBe(false);
  });

  it("counts every shard once, however Load more and the whole count interleave", async () => {
    const shards = [hits("a", 1, 1), hits("b", 2), hits("c", 3), hits("d", 4)];
    const { search, searched } = fakeShards(shards);
    let progress = 0;
    await Promise.all([
      search.place(2),
      search.searchAll(
        () => progress++,
        () => false,
      ),
      search.place(2),
    ]);
    expect(searched).toEqual([0, 1, 2, 3]);
    expect(search.found).toBe(5);
    expect(new Set(search.placed.map((hit) => hit.id)).size).toBe(search.placed.length);
    expect(progress).toBeGreaterThan(0);
  });

  it("says none were found only once every shard has been searched", async () => {
    const { search, searched } = fakeShards([[], [], []]);
    expect(await search.place(10)).toEqual([]);
    expect(searched).toEqual([0, 1, 2]);
    expect(search.complete).toBe(true);
    expect(search.found).toBe(0);
  });

  it("searches a shard that failed again, and stops the whole count when asked", async () => {
    let fail = true;
    const searched: number[] = [];
    const search = new ShardedSearch<Hit>(3, async (index) => {
      searched.push(index);
      if (index === 1 && fail) throw new Error("offline");
      return hits(`s${index}`, 1);
    });
    await expect(search.place(2)).rejects.toThrow("offline");
    fail = false;
    expect(await search.place(2)).toHaveLength(2);
    expect(searched).toEqual([0, 1, 1]);
    let stop = false;
    await search.searchAll(
      () => {
        stop = true;
      },
      () => stop,
    );
    expect(searched).toEqual([0, 1, 1, 2]);
  });
});
