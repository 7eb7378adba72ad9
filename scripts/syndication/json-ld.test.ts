import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { HOSTILE_DATA_DIR } from "../../e2e/fixtures/hostile-corpus.ts";
import { HOSTILE_PAYLOADS } from "../../e2e/fixtures/hostile-payloads.ts";
import { newsArticle } from "../../src/shared/news-article.ts";
import { scriptSafeJson } from "../../src/shared/script-safe-json.ts";
import { type Content, loadContent } from "../content/load-content.ts";

/**
 * The JSON-LD of every story, for the newsroom's content and the hostile corpus, held to the
 * NewsArticle shape search engines read (schema.org, with Google's article properties):
 * schema-dts types it at compile time, this checks the values.
 */

const SITE = "https://news.example.org";
const absolute = z.url({ protocol: /^https$/ }).startsWith(`${SITE}/`);
const instant = z.iso.datetime({ offset: true });
const pixels = z.strictObject({
  "@type": z.literal("QuantitativeValue"),
  value: z.int().positive(),
  unitCode: z.literal("E37"),
});
const organization = z.strictObject({
  "@type": z.literal("Organization"),
  name: z.string().min(1),
  url: z.url().optional(),
});
const person = z.strictObject({ "@type": z.literal("Person"), name: z.string().min(1) });

const newsArticleShape = z.strictObject({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("NewsArticle"),
  "@id": absolute,
  url: absolute,
  mainEntityOfPage: absolute,
  headline: z.string().min(1),
  description: z.string().min(1),
  datePublished: instant,
  dateModified: instant,
  inLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  author: z.union([person, organization]),
  publisher: organization.extend({ name: z.literal("Dispatch"), url: z.literal(SITE) }),
  articleSection: z.string().min(1).optional(),
  image: z
    .strictObject({
      "@type": z.literal("ImageObject"),
      url: absolute.regex(/\.jpg$/),
      width: pixels,
      height: pixels,
      caption: z.string().min(1),
    })
    .optional(),
});

describe.each([
  ["the newsroom's content", "data"],
  ["the hostile corpus", HOSTILE_DATA_DIR],
])("NewsArticle JSON-LD for %s", (_name, dataDir) => {
  let content: Content;
  beforeAll(async () => {
    const result = await loadContent(dataDir);
    if (!result.ok) throw new Error(`${dataDir} does not load`);
    content = result.content;
  });

  it("has the NewsArticle shape and the story's own values", () => {
    for (const card of content.cards) {
      const story = content.story(card);
      const lang = story.lang ?? "en";
      const section = content.topics.find((topic) => topic.slug === story.topics[0])?.name;
      const article = newsArticle({ ...story, lang }, section, SITE);
      const parsed = newsArticleShape.parse(JSON.parse(scriptSafeJson(article)));
      expect(parsed).toMatchObject({
        url: `${SITE}/stories/${story.id}`,
        headline: story.headline,
        description: story.summary,
        datePublished: story.publishedAt,
        dateModified: story.updatedAt ?? story.publishedAt,
        inLanguage: lang,
        articleSection: section,
      });
      expect(Boolean(parsed.image)).toBe(Boolean(story.photo));
      if (story.byline) expect(story.byline).toContain(parsed.author.name);
    }
  });
});

describe("JSON-LD in a script element", () => {
  it.each(HOSTILE_PAYLOADS.map((payload) => [payload.name, payload.text]))(
    "%s: cannot end the element or open a comment, and reads back unchanged",
    (_name, text) => {
      const value = { headline: text, nested: [text] };
      const json = scriptSafeJson(value);
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual(value);
    },
  );

  it("names a person without the 'By' of the byline, and a desk as an organization", () => {
    const story = {
      id: "x",
      headline: "H",
      summary: "S",
      topics: ["t"],
      publishedAt: "2024-09-17T10:30:00Z",
      lang: "en",
      body: [{ type: "paragraph" as const, text: "P" }],
    };
    expect(newsArticle({ ...story, byline: "By Jane\u2028Doe" }, undefined, SITE).author).toEqual({
      "@type": "Person",
      name: "Jane\u2028Doe",
    });
    expect(newsArticle({ ...story, byline: "VOA News" }, undefined, SITE).author).toEqual({
      "@type": "Organization",
      name: "VOA News",
    });
    expect(newsArticle(story, undefined, SITE).author).toMatchObject({ name: "Dispatch" });
  });
});
