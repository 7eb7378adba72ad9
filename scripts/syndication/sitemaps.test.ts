// @vitest-environment jsdom
// The browser DOM's XML parser (jsdom's, built on saxes) is the independent reader here.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Story, Topic } from "../../src/content/schema.ts";
import { shareImage } from "../../src/shared/share-image.ts";
import { contentOf } from "../content/test-fixture.ts";
import { siteUrlFromEnv } from "./site-url.ts";
import {
  NEWS_SITEMAP_PATH,
  newsSitemap,
  robotsTxt,
  SITEMAP_MAX_URLS,
  SITEMAP_PATH,
  type SitemapUrl,
  sitemapFiles,
  sitemapUrls,
} from "./sitemaps.ts";

const SITE = "https://news.example.org";
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const xmlParser = new DOMParser();

function xml(text: string | undefined): Document {
  const document = xmlParser.parseFromString(text ?? "", "application/xml");
  expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
  return document;
}

const texts = (document: Document, name: string, ns = SITEMAP_NS) =>
  [...document.getElementsByTagNameNS(ns, name)].map((element) => element.textContent);

function story(id: string, publishedAt: string, more: Partial<Story> = {}): Story {
  return {
    id,
    headline: `Headline of ${id}`,
    summary: "Summary.",
    topics: ["iran"],
    publishedAt,
    body: [{ type: "paragraph", text: "Text." }],
    ...more,
  };
}

const TOPICS: Topic[] = [
  { slug: "iran", name: "Iran" },
  { slug: "science", name: "Science" },
  { slug: "empty", name: "Empty" },
];

/** Newest first, as loadContent hands them over. */
const stories: Story[] = [
  story("newest", "2024-09-17T10:00:00Z", {
    headline: 'Tea & "sugar" <script>alert(1)</script>',
    lang: "fa",
  }),
  story("updated-later", "2024-09-16T11:00:00+02:00", {
    updatedAt: "2024-09-18T08:00:00Z",
    topics: ["science", "iran"],
  }),
  story("just-inside", "2024-09-15T10:00:00Z", { lang: "zh-Hant" }),
  story("just-outside", "2024-09-15T09:59:59Z"),
];
const content = contentOf(TOPICS, stories);

describe("sitemap.xml", () => {
  it("lists the front page, every topic and every story, each then its lite version, with the date of its last change", () => {
    const document = xml(sitemapFiles(sitemapUrls(content, SITE), SITE).get(SITEMAP_PATH));
    expect(document.documentElement.localName).toBe("urlset");
    expect(texts(document, "loc")).toEqual([
      `${SITE}/`,
      `${SITE}/lite/`,
      `${SITE}/topics/iran`,
      `${SITE}/lite/topics/iran`,
      `${SITE}/topics/science`,
      `${SITE}/lite/topics/science`,
      `${SITE}/topics/empty`,
      `${SITE}/lite/topics/empty`,
      `${SITE}/stories/newest`,
      `${SITE}/lite/stories/newest`,
      `${SITE}/stories/updated-later`,
      `${SITE}/lite/stories/updated-later`,
      `${SITE}/stories/just-inside`,
      `${SITE}/lite/stories/just-inside`,
      `${SITE}/stories/just-outside`,
      `${SITE}/lite/stories/just-outside`,
    ]);
    // A topic without stories has no date to give; the front page and Iran changed last
    // when a story was updated, not when the newest was published.
    const twice = (dates: string[]) => dates.flatMap((date) => [date, date]);
    expect(texts(document, "lastmod")).toEqual(
      twice([
        "2024-09-18T08:00:00Z",
        "2024-09-18T08:00:00Z",
        "2024-09-18T08:00:00Z",
        "2024-09-17T10:00:00Z",
        "2024-09-18T08:00:00Z",
        "2024-09-15T10:00:00Z",
        "2024-09-15T09:59:59Z",
      ]),
    );
  });

  it("stays one file up to the limit, and past it becomes an index of files within it", () => {
    const urls = synthetic(7);
    expect([...sitemapFiles(urls, SITE, 7).keys()]).toEqual([SITEMAP_PATH]);
    const files = sitemapFiles(urls, SITE, 3);
    const parts = ["/sitemaps/sitemap-1.xml", "/sitemaps/sitemap-2.xml", "/sitemaps/sitemap-3.xml"];
    expect([...files.keys()].sort()).toEqual([...parts, SITEMAP_PATH].sort());

    const index = xml(files.get(SITEMAP_PATH));
    expect(index.documentElement.localName).toBe("sitemapindex");
    expect(texts(index, "loc")).toEqual(parts.map((part) => `${SITE}${part}`));
    const listed = parts.map((part) => texts(xml(files.get(part)), "loc"));
    expect(listed.map((locs) => locs.length)).toEqual([3, 3, 1]);
    expect(listed.flat()).toEqual(urls.map((url) => url.loc));
    // Each file's lastmod in the index is the latest of its URLs (they come newest first).
    expect(texts(index, "lastmod")).toEqual([urls[0]?.lastmod, urls[3]?.lastmod, urls[6]?.lastmod]);
  });

  it("splits a large archive at 50,000 URLs a file, every URL once", { timeout: 120_000 }, () => {
    const urls = synthetic(2 * SITEMAP_MAX_URLS + 1);
    expect(sitemapFiles(urls.slice(0, SITEMAP_MAX_URLS), SITE).size).toBe(1);
    const files = sitemapFiles(urls, SITE);
    // Counted by string: a DOM of 100,000 elements would only slow the test down.
    const locs = (part: number) =>
      [...(files.get(`/sitemaps/sitemap-${part}.xml`) ?? "").matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        (match) => match[1],
      );
    expect([locs(1).length, locs(2).length, locs(3).length]).toEqual([
      SITEMAP_MAX_URLS,
      SITEMAP_MAX_URLS,
      1,
    ]);
    expect([...locs(1), ...locs(2), ...locs(3)]).toEqual(urls.map((url) => url.loc));
    expect(files.size).toBe(4);
    expect(files.get(SITEMAP_PATH)).toContain("<sitemapindex");
  });
});

/** Newest first, one a minute, as a large archive would list them. */
function synthetic(count: number): SitemapUrl[] {
  const start = Date.parse("2030-01-01T00:00:00Z");
  return Array.from({ length: count }, (_, i) => ({
    loc: `${SITE}/stories/story-${i}`,
    lastmod: new Date(start - i * 60_000).toISOString(),
  }));
}

describe("the Google News sitemap", () => {
  it("lists the stories of the 48 hours up to the newest, with publication, language and title", () => {
    const document = xml(newsSitemap(content, SITE));
    expect(texts(document, "loc")).toEqual([
      `${SITE}/stories/newest`,
      `${SITE}/stories/updated-later`,
      `${SITE}/stories/just-inside`,
    ]);
    expect(texts(document, "name", NEWS_NS)).toEqual(["Dispatch", "Dispatch", "Dispatch"]);
    expect(texts(document, "language", NEWS_NS)).toEqual(["fa", "en", "zh-tw"]);
    expect(texts(document, "publication_date", NEWS_NS)).toEqual([
      "2024-09-17T10:00:00Z",
      "2024-09-16T11:00:00+02:00",
      "2024-09-15T10:00:00Z",
    ]);
    expect(texts(document, "title", NEWS_NS)[0]).toBe('Tea & "sugar" <script>alert(1)</script>');
  });

  it("does not depend on the day it is built", () => {
    expect(newsSitemap(content, SITE)).toBe(
      newsSitemap(contentOf(TOPICS, structuredClone(stories)), SITE),
    );
  });
});

describe("robots.txt", () => {
  it("allows everything and names both sitemaps by absolute URL", () => {
    expect(robotsTxt(SITE).split("\n")).toEqual([
      "User-agent: *",
      "Allow: /",
      "",
      `Sitemap: ${SITE}${SITEMAP_PATH}`,
      `Sitemap: ${SITE}${NEWS_SITEMAP_PATH}`,
      "",
    ]);
  });
});

describe("SITE_URL", () => {
  it.each([
    [undefined, "http://localhost:4173"],
    ["", "http://localhost:4173"],
    ["https://news.example.org", "https://news.example.org"],
    ["https://news.example.org/", "https://news.example.org"],
    ["HTTPS://News.Example.org:8443", "https://news.example.org:8443"],
  ])("%s -> %s", (value, origin) => {
    expect(siteUrlFromEnv({ SITE_URL: value })).toBe(origin);
  });

  it("names the site where it lives under BASE_PATH, and rejects a bad base in one line", () => {
    const env = { SITE_URL: "https://news.example.org/", BASE_PATH: "mirror/news" };
    expect(siteUrlFromEnv(env)).toBe("https://news.example.org/mirror/news");
    expect(() => siteUrlFromEnv({ BASE_PATH: "/../x" })).toThrow(/^BASE_PATH: /);
  });

  it.each([
    ["news.example.org", /not a URL/],
    ["ftp://news.example.org", /https:\/\/ or http:\/\//],
    ["https://example.org/news", /origin only/],
    ["https://example.org/?a=1", /origin only/],
  ])("rejects %s", (value, message) => {
    expect(() => siteUrlFromEnv({ SITE_URL: value })).toThrow(message);
  });
});

describe("the share image", () => {
  it.each([
    [1999, 1333],
    [1280, 720],
    [801, 533],
    [300, 401],
  ])("of a %ix%i photo names the size of the JPEG the build makes", async (width, height) => {
    const photo = { src: "images/x.jpg", alt: "x", width, height };
    const image = shareImage(photo);
    // The image stage resizes with sharp to the width alone (responsive-images.ts).
    const built = await sharp({ create: { width, height, channels: 3, background: "#888" } })
      .png()
      .toBuffer()
      .then((png) =>
        sharp(png).resize({ width: image.width, withoutEnlargement: true }).jpeg().toBuffer(),
      )
      .then((jpeg) => sharp(jpeg).metadata());
    expect([built.width, built.height]).toEqual([image.width, image.height]);
    expect(image.path).toBe(`/images/x-${image.width}.jpg`);
  });
});
