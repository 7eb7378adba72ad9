// @vitest-environment jsdom
// The browser DOM's XML parser (jsdom's, built on saxes) is the independent reader here.
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_DATA_DIR } from "../../e2e/fixtures/hostile-corpus.ts";
import type { Story, Topic } from "../../src/content/schema.ts";
import { FEED_FORMATS, feedPath } from "../../src/shared/feed-paths.ts";
import { shareImage } from "../../src/shared/share-image.ts";
import { type Content, loadContent } from "../content/load-content.ts";
import { contentOf } from "../content/test-fixture.ts";
import { bodyText, buildFeeds, FEED_LENGTH, type FeedSource, feedSources } from "./feeds.ts";
import { xmlSafe } from "./xml-text.ts";

/**
 * Round trip: every feed the build writes, for the newsroom's content and for the hostile
 * corpus (a markup or script payload in every text field), read back by feedsmith's parser and
 * by an independent one (the browser DOM's XML parser from jsdom; JSON.parse), must say what
 * the stories say, character for character.
 */

const SITE = "https://news.example.org";
/** Image sizes are read from the built files; here every image "weighs" its path's length. */
const fileBytes = (path: string) => path.length * 100;

type Expected = {
  url: string;
  headline: string;
  summary: string;
  published: number;
  updated: number;
  byline: string | undefined;
  lang: string;
  topics: Topic[];
  image: { url: string; width: number; height: number; bytes: number } | undefined;
};

function expected(story: Story, topics: Topic[]): Expected {
  const image = story.photo ? shareImage(story.photo) : undefined;
  return {
    url: `${SITE}/stories/${story.id}`,
    headline: story.headline,
    summary: story.summary,
    published: Date.parse(story.publishedAt),
    updated: Date.parse(story.updatedAt ?? story.publishedAt),
    byline: story.byline,
    lang: story.lang ?? "en",
    topics: story.topics.map((slug) => topics.find((topic) => topic.slug === slug) as Topic),
    image: image && {
      url: `${SITE}${image.path}`,
      width: image.width,
      height: image.height,
      bytes: fileBytes(image.path),
    },
  };
}

const xmlParser = new DOMParser();

/** The DOM's view of an XML file; a parse error is a failed test, never a shrug. */
function xmlDocument(xml: string): Document {
  const dom = xmlParser.parseFromString(xml, "application/xml");
  expect(dom.getElementsByTagName("parsererror")).toHaveLength(0);
  return dom;
}

const MEDIA_NS = "http://search.yahoo.com/mrss/";
const DC_NS = "http://purl.org/dc/elements/1.1/";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const ATOM_NS = "http://www.w3.org/2005/Atom";

/**
 * feedsmith's parser (3.0.1, common/utils parseString) strips `<!-- … -->` from element text
 * before it unwraps CDATA, so a comment-like run inside a CDATA section (which is text, not a
 * comment) is lost on reading. The files are right, as the DOM parser shows; only what
 * feedsmith reads back is adjusted, and only for this.
 */
const asFeedsmithReads = (value: string) => value.replace(/<!--[\s\S]*?-->/g, "").trim();

/** feedsmith indents every element, CDATA included; feed readers trim element text. */
const text = (element: Element | null | undefined) => element?.textContent?.trim();
const child = (parent: Element, name: string, ns?: string) =>
  ns ? parent.getElementsByTagNameNS(ns, name)[0] : parent.getElementsByTagName(name)[0];
const childrenNamed = (parent: Element, name: string, ns = ATOM_NS) =>
  [...parent.children].filter(
    (element) => element.localName === name && element.namespaceURI === ns,
  );

/** What each parser should read back for a story's text in an XML feed. */
type Reader = "feedsmith" | "dom";
const readBack = (reader: Reader, value: string) =>
  reader === "feedsmith" ? asFeedsmithReads(xmlSafe(value)) : xmlSafe(value);

function attributes(element: Element | undefined, names: string[]) {
  if (!element) return undefined;
  return Object.fromEntries(names.map((name) => [name, element.getAttribute(name) ?? undefined]));
}

function checkRss(xml: string, source: FeedSource, topics: Topic[]) {
  const parsed = parseRssFeed(xml);
  const items = [...xmlDocument(xml).getElementsByTagName("item")];
  expect(parsed.items ?? []).toHaveLength(source.stories.length);
  expect(items).toHaveLength(source.stories.length);
  expect(parsed.title).toBe(readBack("feedsmith", `${source.title} — Dispatch`));
  source.stories.forEach((story, index) => {
    const want = expected(story, topics);
    const item = parsed.items?.[index];
    const dom = items[index] as Element;
    const reads: [Reader, Record<string, unknown>][] = [
      [
        "feedsmith",
        {
          title: item?.title,
          link: item?.link,
          guid: item?.guid?.value,
          description: item?.description,
          published: Date.parse(item?.pubDate ?? ""),
          creator: item?.dc?.creators?.[0],
          lang: item?.xml?.lang,
          categories: item?.categories?.map((category) => category.name),
          enclosure: item?.enclosures?.[0],
          media: item?.media?.contents?.[0],
        },
      ],
      [
        "dom",
        {
          title: text(child(dom, "title")),
          link: text(child(dom, "link")),
          guid: text(child(dom, "guid")),
          description: text(child(dom, "description")),
          published: Date.parse(text(child(dom, "pubDate")) ?? ""),
          creator: text(child(dom, "creator", DC_NS)),
          lang: dom.getAttributeNS(XML_NS, "lang") ?? undefined,
          categories: [...dom.getElementsByTagName("category")].map((category) => text(category)),
          enclosure: attributes(child(dom, "enclosure"), ["url", "length", "type"]),
          media: attributes(child(dom, "content", MEDIA_NS), ["url", "width", "height", "type"]),
        },
      ],
    ];
    for (const [reader, got] of reads) {
      const as = (value: string) => readBack(reader, value);
      expect(got, reader).toMatchObject({
        title: as(want.headline),
        link: want.url,
        guid: want.url,
        description: as(want.summary),
        published: want.published,
        creator: want.byline && as(want.byline),
        lang: want.lang,
        categories: want.topics.map((topic) => as(topic.name)),
      });
      const enclosure = got.enclosure as Record<string, unknown> | undefined;
      const media = got.media as Record<string, unknown> | undefined;
      if (want.image) {
        expect(enclosure).toMatchObject({ url: want.image.url, type: "image/jpeg" });
        expect(Number(enclosure?.length)).toBe(want.image.bytes);
        expect(media).toMatchObject({ url: want.image.url, type: "image/jpeg" });
        expect([Number(media?.width), Number(media?.height)]).toEqual([
          want.image.width,
          want.image.height,
        ]);
      } else {
        expect(enclosure).toBeUndefined();
        expect(media).toBeUndefined();
      }
    }
  });
}

function checkAtom(xml: string, source: FeedSource, topics: Topic[]) {
  const parsed = parseAtomFeed(xml);
  const document = xmlDocument(xml);
  expect(document.documentElement.namespaceURI).toBe(ATOM_NS);
  const entries = [...document.getElementsByTagNameNS(ATOM_NS, "entry")];
  expect(parsed.entries ?? []).toHaveLength(source.stories.length);
  expect(entries).toHaveLength(source.stories.length);
  expect(parsed.title?.value).toBe(readBack("feedsmith", `${source.title} — Dispatch`));
  source.stories.forEach((story, index) => {
    const want = expected(story, topics);
    const entry = parsed.entries?.[index];
    const dom = entries[index] as Element;
    const domLinks = childrenNamed(dom, "link");
    const reads: [Reader, Record<string, unknown>][] = [
      [
        "feedsmith",
        {
          id: entry?.id,
          title: entry?.title?.value,
          summary: entry?.summary?.value,
          published: Date.parse(String(entry?.published)),
          updated: Date.parse(String(entry?.updated)),
          author: entry?.authors?.[0]?.name,
          lang: entry?.xml?.lang,
          categories: entry?.categories?.map((category) => category.label),
          alternate: entry?.links?.find((link) => link.rel === "alternate")?.href,
          enclosure: entry?.links?.find((link) => link.rel === "enclosure"),
        },
      ],
      [
        "dom",
        {
          id: text(childrenNamed(dom, "id")[0]),
          title: text(childrenNamed(dom, "title")[0]),
          summary: text(childrenNamed(dom, "summary")[0]),
          published: Date.parse(text(childrenNamed(dom, "published")[0]) ?? ""),
          updated: Date.parse(text(childrenNamed(dom, "updated")[0]) ?? ""),
          author: text(childrenNamed(childrenNamed(dom, "author")[0] ?? dom, "name")[0]),
          lang: dom.getAttributeNS(XML_NS, "lang") ?? undefined,
          categories: childrenNamed(dom, "category").map((category) =>
            category.getAttribute("label"),
          ),
          alternate: domLinks
            .find((link) => link.getAttribute("rel") === "alternate")
            ?.getAttribute("href"),
          enclosure: attributes(
            domLinks.find((link) => link.getAttribute("rel") === "enclosure"),
            ["href", "length"],
          ),
        },
      ],
    ];
    for (const [reader, got] of reads) {
      const as = (value: string) => readBack(reader, value);
      expect(got, reader).toMatchObject({
        id: want.url,
        title: as(want.headline),
        summary: as(want.summary),
        published: want.published,
        updated: want.updated,
        author: want.byline && as(want.byline),
        lang: want.lang,
        // Attributes are never CDATA: feedsmith reads them exactly.
        categories: want.topics.map((topic) => xmlSafe(topic.name)),
        alternate: want.url,
      });
      const enclosure = got.enclosure as Record<string, unknown> | undefined;
      if (want.image) {
        expect(enclosure?.href).toBe(want.image.url);
        expect(Number(enclosure?.length)).toBe(want.image.bytes);
      } else {
        expect(enclosure).toBeUndefined();
      }
    }
  });
}

function checkJson(json: string, source: FeedSource, topics: Topic[]) {
  const parsed = parseJsonFeed(json);
  const plain = JSON.parse(json) as { version: string; items: Record<string, unknown>[] };
  expect(plain.version).toBe("https://jsonfeed.org/version/1.1");
  expect(parsed.items).toHaveLength(source.stories.length);
  source.stories.forEach((story, index) => {
    const want = expected(story, topics);
    for (const got of [parsed.items?.[index], plain.items[index]] as Record<string, unknown>[]) {
      expect(got).toMatchObject({
        id: want.url,
        url: want.url,
        title: want.headline,
        summary: want.summary,
        content_text: bodyText(story.body),
        language: want.lang,
        tags: want.topics.map((topic) => topic.name),
      });
      expect(Date.parse(String(got.date_published))).toBe(want.published);
      expect(Date.parse(String(got.date_modified))).toBe(want.updated);
      expect(got.authors).toEqual(want.byline ? [{ name: want.byline }] : undefined);
      expect(got.image).toBe(want.image?.url);
    }
  });
}

describe.each([
  ["the newsroom's content", "data"],
  ["the hostile corpus", HOSTILE_DATA_DIR],
])("feeds built from %s", (_name, dataDir) => {
  let content: Content;
  let files: Map<string, string>;
  beforeAll(async () => {
    const result = await loadContent(dataDir);
    if (!result.ok) throw new Error(`${dataDir} does not load`);
    content = result.content;
    files = buildFeeds(content, { siteUrl: SITE, fileBytes });
  });

  it("has RSS, Atom and JSON Feed for Breaking News and every topic, newest stories first", () => {
    const sources = feedSources(content);
    expect(sources.map((source) => source.feed)).toEqual([
      "breaking-news",
      ...content.topics.map((topic) => topic.slug),
    ]);
    // Whole stories: JSON Feed carries the body.
    const whole = (cards: typeof content.cards) => cards.map((card) => content.story(card));
    expect(sources[0]?.stories).toEqual(whole(content.cards.slice(0, FEED_LENGTH)));
    for (const source of sources.slice(1)) {
      const all = content.cards.filter((story) => story.topics.includes(source.feed));
      expect(source.stories).toEqual(whole(all.slice(0, FEED_LENGTH)));
    }
    expect([...files.keys()].sort()).toEqual(
      sources
        .flatMap((source) => FEED_FORMATS.map(({ format }) => feedPath(source.feed, format)))
        .sort(),
    );
  });

  it("reads back the same stories in every format, with both parsers", { timeout: 60_000 }, () => {
    for (const source of feedSources(content)) {
      checkRss(files.get(feedPath(source.feed, "rss")) ?? "", source, content.topics);
      checkAtom(files.get(feedPath(source.feed, "atom")) ?? "", source, content.topics);
      checkJson(files.get(feedPath(source.feed, "json")) ?? "", source, content.topics);
    }
  });

  it("is the same, byte for byte, when built again", () => {
    expect(buildFeeds(content, { siteUrl: SITE, fileBytes })).toEqual(files);
  });
});

describe("text XML cannot carry", () => {
  it("is dropped from the XML feeds, and the files stay well-formed", () => {
    expect(xmlSafe("bell\u0007 tab\t nul\u0000 lone\uD800 pair\uD83D\uDE00 \uFFFE")).toBe(
      "bell tab\t nul lone pair\uD83D\uDE00 ",
    );
    const story: Story = {
      id: "control-characters",
      headline: "Form\u000Cfeed headline",
      summary: "Escape \u001B summary",
      topics: ["t"],
      publishedAt: "2024-09-17T10:30:00Z",
      body: [{ type: "paragraph", text: "Body" }],
    };
    const files = buildFeeds(contentOf([{ slug: "t", name: "T\u0001" }], [story]), {
      siteUrl: SITE,
      fileBytes,
    });
    for (const format of ["rss", "atom"] as const) {
      const document = xmlDocument(files.get(feedPath("t", format)) ?? "");
      expect(document.documentElement.textContent).toContain("Formfeed headline");
    }
  });
});
