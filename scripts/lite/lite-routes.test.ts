import { describe, expect, it } from "vitest";
import { FEED_PAGE_SIZE } from "../../src/content/api-types.ts";
import { headNext } from "../content/emit.ts";
import { LITE_HEADLINES, liteArchivePages, liteFrontPages, liteRoutes } from "./lite-routes.ts";

describe("lite paging", () => {
  it.each([
    // total: the archive pages the front shows after the head, then those with a lite page
    [5, [], []],
    [19, [], []],
    [20, [1], []],
    [29, [1], []],
    [30, [2, 1], []],
    [39, [2, 1], []],
    [40, [3, 2], [1]],
    [64, [5, 4], [1, 2, 3]],
    [1000, [99, 98], Array.from({ length: 97 }, (_, index) => index + 1)],
  ])("a feed of %i stories: front pages %j, lite archive pages %j", (total, front, archive) => {
    expect(liteFrontPages(total)).toEqual(front);
    expect(liteArchivePages(total)).toEqual(archive);
    // The front shows the head and its pages: at least LITE_HEADLINES (or all), under 40; with
    // the lite archive pages, every story exactly once.
    const onFront = total - (headNext(total) ?? 0) * FEED_PAGE_SIZE + front.length * FEED_PAGE_SIZE;
    expect(onFront).toBeGreaterThanOrEqual(Math.min(total, LITE_HEADLINES));
    expect(onFront).toBeLessThan(LITE_HEADLINES + FEED_PAGE_SIZE);
    expect(onFront + archive.length * FEED_PAGE_SIZE).toBe(total);
  });

  it("publishing a story adds at most one lite page per feed and changes no lite archive page", () => {
    for (let total = 1; total < 200; total++) {
      const before = liteArchivePages(total);
      const after = liteArchivePages(total + 1);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length - before.length).toBeLessThanOrEqual(1);
    }
  });

  it("names each page's file and the API files it is made from", () => {
    expect(
      liteRoutes(
        [
          { feed: "breaking-news", total: 40 },
          { feed: "iran", total: 3 },
        ],
        ["a-story"],
      ),
    ).toEqual([
      {
        render: "/lite/",
        file: "lite/index.html",
        deps: [
          "api/topics.json",
          "api/feeds/breaking-news/head.json",
          "archive/breaking-news/3.json",
          "archive/breaking-news/2.json",
        ],
      },
      {
        render: "/lite/archive/breaking-news/1",
        file: "lite/archive/breaking-news/1.html",
        deps: ["api/topics.json", "archive/breaking-news/1.json"],
      },
      {
        render: "/lite/topics/iran",
        file: "lite/topics/iran.html",
        deps: ["api/topics.json", "api/feeds/iran/head.json"],
      },
      {
        render: "/lite/stories/a-story",
        file: "lite/stories/a-story.html",
        deps: ["api/stories/a-story.json", "images/lite-photo-sizes/a-story"],
      },
    ]);
  });
});
