// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import type { StoryPage } from "../../src/content/api-types.ts";

// A base path stands in siteHref: every address a lite page links to must carry it, so the
// base-path build changes that one function (src/shared/lite-paths.ts) and nothing here.
vi.mock("../../src/shared/lite-paths.ts", async (original) => {
  const actual = await original<typeof import("../../src/shared/lite-paths.ts")>();
  return { ...actual, siteHref: (path: string) => `/mirror${path}` };
});
const { liteListPage, liteStoryPage } = await import("./lite-page.tsx");

const context = { textSizeScript: "", fileSize: () => 1000 };
const photo = { src: "images/x.jpg", width: 800, height: 600, alt: "x", caption: "c" };
const data: StoryPage = {
  story: {
    id: "a",
    headline: "A",
    summary: "s",
    topics: ["iran"],
    publishedAt: "2024-09-12T08:00:00Z",
    lang: "en",
    photo,
    body: [{ type: "photo", photo }],
  },
  previous: { id: "b", headline: "B", lang: "en" },
  next: { id: "c", headline: "C", lang: "en" },
  related: [],
};
const summary = { ...data.story, lang: "en" };

/** Every address the page links to (not in-page fragments, nor the canonical's full URL). */
function links(html: string): string[] {
  const document = new DOMParser().parseFromString(html, "text/html");
  return [
    ...[...document.querySelectorAll("a[href], link[href]:not([rel=canonical]):not([rel=icon])")]
      .map((element) => element.getAttribute("href") ?? "")
      .filter((href) => !href.startsWith("#")),
    ...[...document.querySelectorAll("form")].map((form) => form.getAttribute("action") ?? ""),
  ];
}

describe("every link of a lite page goes through siteHref", () => {
  it.each([
    ["a story", liteStoryPage(data, context), 8],
    [
      "a list",
      liteListPage(
        {
          feed: "iran",
          title: "Iran",
          page: 3,
          chunks: [{ feed: "iran", page: 3, stories: [summary], next: 2 }],
          topics: [{ slug: "iran", name: "Iran" }],
        },
        context,
      ),
      8,
    ],
  ])("%s", (_name, html, count) => {
    const found = links(html);
    expect(found).toHaveLength(count);
    for (const href of found) expect(href).toMatch(/^\/mirror\//);
  });
});
