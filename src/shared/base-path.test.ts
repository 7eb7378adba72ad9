import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeBasePath, prefixBasePath, stripBasePath } from "@/shared/base-path";

describe("normalizeBasePath", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["  ", "/"],
    ["mirror/news", "/mirror/news/"],
    ["/mirror/news", "/mirror/news/"],
    ["/mirror/news/", "/mirror/news/"],
    ["mirror/news/", "/mirror/news/"],
    [" /Mirror-2.0/news_fa~/ ", "/Mirror-2.0/news_fa~/"],
  ])("%j -> %s", (raw, base) => {
    expect(normalizeBasePath(raw)).toBe(base);
  });

  it.each([
    "https://news.example.org/mirror/",
    "//evil.example/",
    "/mirror//news/",
    "/mirror/../news/",
    "/./news/",
    "/mirror/news?x=1",
    "/mirror/news#top",
    "/mirror news/",
    "/mirror%2Fnews/",
    "\\mirror\\news",
    "/خبر/",
  ])("rejects %j in one line naming BASE_PATH", (raw) => {
    expect(() => normalizeBasePath(raw)).toThrow(
      /^BASE_PATH: ".*" is not a path of folders; [^\n]+$/,
    );
  });

  it("gives a base that stays what it is, starting and ending with one slash", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_~-][a-z0-9._~-]*$/), { maxLength: 4 }),
        (segments) => {
          const base = normalizeBasePath(segments.join("/"));
          expect(normalizeBasePath(base)).toBe(base);
          expect(base).toMatch(/^\/(?:[^/]+\/)*$/);
        },
      ),
    );
  });
});

describe("prefixBasePath and stripBasePath", () => {
  it("put a path inside the site under the base, and take it back out", () => {
    expect(prefixBasePath("/", "/stories/x")).toBe("/stories/x");
    expect(prefixBasePath("/mirror/news/", "/stories/x")).toBe("/mirror/news/stories/x");
    expect(prefixBasePath("/mirror/news/", "/")).toBe("/mirror/news/");
    expect(prefixBasePath("/mirror/news/", "/*")).toBe("/mirror/news/*");
    expect(stripBasePath("/mirror/news/", "/mirror/news/stories/x")).toBe("/stories/x");
    expect(stripBasePath("/mirror/news/", "/mirror/news/")).toBe("/");
    expect(stripBasePath("/mirror/news/", "/mirror/news")).toBe("/");
    expect(stripBasePath("/", "/stories/x")).toBe("/stories/x");
  });

  it("find nothing of the site outside the base, nor in a folder that only starts like it", () => {
    for (const outside of ["/", "/stories/x", "/mirror/", "/mirror/newsroom/x", "/Mirror/news/x"])
      expect(stripBasePath("/mirror/news/", outside), outside).toBeUndefined();
  });

  it("round-trip every path inside the site, under any base", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        fc.array(segment, { maxLength: 4 }),
        (base, site) => {
          const basePath = normalizeBasePath(base.join("/"));
          const sitePath = `/${site.join("/")}`;
          const urlPath = prefixBasePath(basePath, sitePath);
          expect(urlPath.startsWith(basePath) || urlPath === sitePath).toBe(true);
          expect(stripBasePath(basePath, urlPath)).toBe(sitePath);
        },
      ),
    );
  });
});
