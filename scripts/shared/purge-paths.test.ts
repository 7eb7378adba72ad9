import { describe, expect, it } from "vitest";
import { purgeList, urlPath } from "./purge-paths.ts";

describe("purgeList", () => {
  it("lists changed paths as readers request them: what pages load, then data, then pages", () => {
    const changes = new Map([
      ["stories/new.html", false],
      ["index.html", true],
      ["topics/world.html", true],
      ["api/feeds/world/head.json", true],
      ["feeds/all.xml", true],
      ["sitemap.xml", true],
      ["images/p-400.webp", true],
      ["pagefind/pagefind-entry.json", true],
      ["sw.js", true],
      ["stories/gone.html", true],
    ]);
    expect(purgeList(changes, () => true)).toEqual([
      "/images/p-400.webp",
      "/pagefind/pagefind-entry.json",
      "/api/feeds/world/head.json",
      "/feeds/all.xml",
      "/sitemap.xml",
      "/",
      "/stories/gone",
      "/stories/new",
      "/topics/world",
      "/sw.js",
    ]);
  });

  it("never lists an immutable file or a new archive page; lists an archive page publishing rewrote", () => {
    const changes = new Map([
      ["assets/app-1a2b.js", false],
      ["assets/app-0f0f.js", true],
      ["pagefind/shards/ab12/x.pf_fragment", false],
      ["pagefind/wasm/en.wasm", false],
      ["archive/news/12.json", false],
      ["archive/news/3.json", true],
      ["_headers", true],
      ["_purge.txt", true],
    ]);
    expect(purgeList(changes, () => true)).toEqual(["/archive/news/3.json"]);
  });

  it("purges a precompressed sibling through its file's URL, once", () => {
    const changes = new Map([
      ["index.html", true],
      ["index.html.br", true],
      ["index.html.gz", true],
      ["api/topics.json.br", true],
    ]);
    expect(purgeList(changes, (file) => file !== "nothing")).toEqual(["/api/topics.json", "/"]);
  });

  it("says everything when there is nothing to compare with", () => {
    expect(purgeList(undefined, () => true)).toEqual(["/*"]);
  });

  it("drops .html, and index but for the slash of a folder page", () => {
    expect(
      ["index.html", "lite/index.html", "search.html", "stories/a.html", "robots.txt"].map(urlPath),
    ).toEqual(["/", "/lite/", "/search", "/stories/a", "/robots.txt"]);
  });
});
