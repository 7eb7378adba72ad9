import { describe, expect, it } from "vitest";
import { purgeRequests } from "./purge-list.ts";

describe("purgeRequests", () => {
  it("keeps the list's order: a PURGE per path, a BAN for /*", () => {
    expect(purgeRequests("/assets-free/x.json\n/stories/a\n\n/\n/*\n")).toEqual([
      { method: "PURGE", path: "/assets-free/x.json" },
      { method: "PURGE", path: "/stories/a" },
      { method: "PURGE", path: "/" },
      { method: "BAN", path: "/*" },
    ]);
  });

  it("purges a base-path build's paths under its base, and still everything for /*", () => {
    expect(purgeRequests("/stories/a\n/\n/*\n", "_purge.txt", "/mirror/news/")).toEqual([
      { method: "PURGE", path: "/mirror/news/stories/a" },
      { method: "PURGE", path: "/mirror/news/" },
      { method: "BAN", path: "/*" },
    ]);
  });

  it("names the file and line of what is not a path", () => {
    for (const [text, line] of [
      ["/\nstories/a", 2],
      ["//evil.example/x", 1],
      ["/\n/\n/stories/*", 3],
      ["/a b", 1],
    ] as const)
      expect(() => purgeRequests(text, "dist/_purge.txt")).toThrow(
        new RegExp(`^dist/_purge\\.txt, line ${line}: .* is not a URL path`),
      );
  });
});
