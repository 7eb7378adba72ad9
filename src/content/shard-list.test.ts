import { describe, expect, it } from "vitest";
import { parseShardList } from "@/content/shard-list";

describe("parseShardList", () => {
  it("reads the shards, newest first as listed", () => {
    expect(
      parseShardList({
        version: 1,
        shards: [
          { path: "/pagefind/shards/b/", stories: 12, newest: "2024-02-01", oldest: "2024-01-02" },
          {
            path: "/pagefind/shards/a/",
            stories: 1000,
            newest: "2024-01-01",
            oldest: "2023-01-01",
          },
        ],
      }).map((shard) => [shard.path, shard.stories]),
    ).toEqual([
      ["/pagefind/shards/b/", 12],
      ["/pagefind/shards/a/", 1000],
    ]);
  });

  it("keeps a metadata file's name only when it is a plain file name", () => {
    const [plain, other] = parseShardList({
      version: 1,
      shards: [
        { path: "/pagefind/shards/b/", meta: "pagefind.en_8f55ba513b.pf_meta" },
        { path: "/pagefind/shards/a/", meta: "../../elsewhere" },
      ],
    });
    expect(plain?.meta).toBe("pagefind.en_8f55ba513b.pf_meta");
    expect(other?.meta).toBeUndefined();
  });

  it("names the file and the field that is wrong", () => {
    expect(() => parseShardList({ shards: [] })).toThrow(
      "/pagefind/shards.json: expected version 1 and a shards list",
    );
    expect(() =>
      parseShardList({ version: 1, shards: [{ path: "https://elsewhere.example/" }] }),
    ).toThrow("/pagefind/shards.json: shards[0].path: not under /pagefind/");
  });
});
