// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { FeedHead, StoryPage } from "../../src/content/api-types.ts";
import { liteListPage, liteStoryPage } from "./lite-page.tsx";
import { kilobytes, litePhotoPath } from "./lite-photo.ts";
import { LITE_STYLE } from "./lite-style.ts";

const SCRIPT = "document.documentElement.dataset.probe='1'";
const sizes = new Map<string, number>();
const context = {
  textSizeScript: SCRIPT,
  fileSize: (path: string) => sizes.get(path) ?? Number.NaN,
};
const HOSTILE = `<script>alert(1)</script><img src=x onerror=alert(2)>&amp;`;
const photo = (src: string, width: number, caption?: string) => ({
  src,
  width,
  height: 400,
  alt: `A harbour at dawn ${HOSTILE}`,
  ...(caption ? { caption, credit: "Agency" } : {}),
});

function storyPage(overrides: Partial<StoryPage["story"]> = {}): StoryPage {
  return {
    story: {
      id: "harbour",
      headline: `Harbour ${HOSTILE}`,
      summary: "The ferry is back.",
      topics: ["economy"],
      publishedAt: "2024-09-12T08:00:00Z",
      lang: "en",
      photo: photo("images/harbour.jpg", 1600, `Caption ${HOSTILE}`),
      body: [
        { type: "paragraph", text: `Body ${HOSTILE}` },
        { type: "photo", photo: photo("images/pier.jpg", 500) },
        { type: "list", ordered: true, items: ["one", "two"] },
      ],
      ...overrides,
    },
    previous: { id: "newer", headline: "Newer one", lang: "en" },
    next: null,
    related: [],
  };
}

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

describe("liteStoryPage", () => {
  sizes.set("/images/harbour-640.jpg", 38_421);
  sizes.set("/images/pier-500.jpg", 512);

  const html = liteStoryPage(storyPage(), context);
  const document = parse(html);

  it("shows every story text as text: nothing in it becomes an element", () => {
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(document.querySelector("h1")?.textContent).toBe(`Harbour ${HOSTILE}`);
    expect(document.querySelectorAll("img")).toHaveLength(0);
    // The one script is the build's text-size script; the one style, the lite stylesheet
    // exactly (its CSP hash is of that text).
    expect([...document.querySelectorAll("script")].map((script) => script.textContent)).toEqual([
      SCRIPT,
    ]);
    expect([...document.querySelectorAll("style")].map((style) => style.textContent)).toEqual([
      LITE_STYLE,
    ]);
    expect(document.querySelectorAll("link[rel=stylesheet], script[src]")).toHaveLength(0);
  });

  it("makes each photo a link to a JPEG at most 640 px wide, naming its size, with caption and credit", () => {
    const links = [...document.querySelectorAll("figure > a")];
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/images/harbour-640.jpg",
      "/images/pier-500.jpg",
    ]);
    expect(links.map((link) => link.firstChild?.textContent)).toEqual([
      "Show image, 38 KB",
      "Show image, 1 KB",
    ]);
    const figure = document.querySelector("figure");
    expect(figure?.querySelector("figcaption")?.textContent).toBe(
      `Image caption, Caption ${HOSTILE}`,
    );
    expect(figure?.querySelector(".credit")?.textContent).toBe("Credit: Agency");
  });

  it("links the full story, its canonical address, the lite neighbours and the full search", () => {
    const hrefs = (selector: string) =>
      [...document.querySelectorAll(selector)].map((element) => element.getAttribute("href"));
    expect(hrefs("link[rel=canonical]")).toEqual(["http://localhost:4173/stories/harbour"]);
    expect(hrefs("link[rel=alternate]")).toEqual(["/stories/harbour"]);
    expect(hrefs("nav[aria-label='More stories'] a")).toEqual(["/lite/stories/newer"]);
    expect(document.querySelector("form")?.getAttribute("action")).toBe("/search");
    expect(document.querySelector("form input")?.getAttribute("name")).toBe("q");
    expect(hrefs("nav.sizes a")).toEqual(["#size-xs", "#size-sm", "#size-md", "#size-lg"]);
    // Each size link's target comes before the page, which the :target rules style.
    for (const size of ["xs", "sm", "md", "lg"])
      expect(document.querySelector(`#size-${size} ~ .page`)).not.toBeNull();
  });

  it("sets a right-to-left story's language and direction on the article, the page chrome staying English", () => {
    const persian = parse(liteStoryPage(storyPage({ lang: "fa", headline: "چای" }), context));
    const article = persian.querySelector("article");
    expect([article?.getAttribute("lang"), article?.getAttribute("dir")]).toEqual(["fa", "rtl"]);
    expect(persian.documentElement.getAttribute("lang")).toBe("en");
    expect(persian.querySelector("figcaption")?.textContent).toMatch(/^توضیح تصویر، /);
  });
});

describe("liteListPage", () => {
  it("lists the headlines in order with their time, and links the older ones", () => {
    const story = (id: string, lang = "en") => ({
      id,
      headline: `Headline ${id} ${HOSTILE}`,
      summary: "s",
      topics: ["iran"],
      publishedAt: "2024-09-12T08:00:00Z",
      lang,
    });
    const head: FeedHead = {
      feed: "iran",
      title: "Iran",
      total: 12,
      stories: [story("a"), story("b", "fa")],
      next: 7,
    };
    const document = parse(
      liteListPage(
        {
          feed: "iran",
          title: "Iran",
          chunks: [head],
          topics: [
            { slug: "iran", name: "Iran" },
            { slug: "science", name: "Science" },
          ],
        },
        context,
      ),
    );
    const items = [...document.querySelectorAll(".list li")];
    expect(items.map((item) => item.querySelector("a")?.textContent)).toEqual([
      `Headline a ${HOSTILE}`,
      `Headline b ${HOSTILE}`,
    ]);
    expect(items[1]?.querySelector("a")?.getAttribute("dir")).toBe("rtl");
    expect(items[0]?.querySelector("time")?.getAttribute("datetime")).toBe("2024-09-12T08:00:00Z");
    const older = [...document.querySelectorAll("a")].find(
      (a) => a.textContent === "Older stories",
    );
    expect(older?.getAttribute("href")).toBe("/lite/archive/iran/7");
    // The other feeds' lite pages.
    expect(
      [...document.querySelectorAll("nav[aria-label=Topics] a")].map((a) => a.getAttribute("href")),
    ).toEqual(["/lite/", "/lite/topics/science"]);
    expect(document.querySelector("link[rel=canonical]")?.getAttribute("href")).toBe(
      "http://localhost:4173/topics/iran",
    );
  });
});

describe("photo files", () => {
  it.each([
    [1600, "/images/x-640.jpg"],
    [640, "/images/x-640.jpg"],
    [500, "/images/x-500.jpg"],
    [200, "/images/x-200.jpg"],
  ])("a %i px photo links its %s", (width, path) => {
    expect(litePhotoPath({ src: "images/x.jpg", width, height: 100, alt: "x" })).toBe(path);
  });

  it.each([
    [1, "1 KB"],
    [1499, "1 KB"],
    [38_421, "38 KB"],
    [1_250_000, "1250 KB"],
  ])("%i bytes read %s", (bytes, label) => {
    expect(kilobytes(bytes)).toBe(label);
  });
});
