import { describe, expect, it } from "vitest";
import { isContentId } from "../../src/content/content-id.ts";
import { storySchema } from "../../src/content/schema.ts";
import type { FeedItem } from "./feed-items.ts";
import {
  languageTag,
  type StoryContext,
  shorten,
  storyFromItem,
  storyId,
  utcDate,
  withPhoto,
} from "./story-from-item.ts";

describe("story ids", () => {
  it.each([
    [
      "https://gazette.example.com/2024/09/harbour-ferry-returns/",
      /^2024-09-harbour-ferry-returns-[0-9a-f]{10}$/,
    ],
    [
      "https://www.voanews.com/a/iran-president/7787878.html",
      /^a-iran-president-7787878-[0-9a-f]{10}$/,
    ],
    ["https://example.com/fa/%DA%86%D8%A7%DB%8C", /^fa-[0-9a-f]{10}$/],
    ["urn:uuid:6c1f7d1e-3b1a-4d59", /^uuid-6c1f7d1e-3b1a-4d59-[0-9a-f]{10}$/],
    ["12345", /^12345-[0-9a-f]{10}$/],
    ["https://example.com/", /^item-[0-9a-f]{10}$/],
    [`https://example.com/${"very-long-".repeat(30)}`, /^[a-z0-9-]+-[0-9a-f]{10}$/],
  ])("%s -> a valid id, the same every time", (address, pattern) => {
    const id = storyId(address);
    expect(id).toMatch(pattern);
    expect(isContentId(id)).toBe(true);
    expect(storyId(address)).toBe(id);
  });

  it("differs for two sites with the same path", () => {
    expect(storyId("https://a.example/news/1")).not.toBe(storyId("https://b.example/news/1"));
  });
});

describe("dates", () => {
  it.each([
    ["Tue, 17 Sep 2024 10:30:00 +0330", "2024-09-17T07:00:00Z"],
    ["Tue, 17 Sep 2024 10:30:00 GMT", "2024-09-17T10:30:00Z"],
    ["17 Sep 2024 10:30 EST", "2024-09-17T15:30:00Z"],
    ["Tue, 17 Sep 2024 10:30:00", "2024-09-17T10:30:00Z"],
    ["2024-09-17T10:30:00-04:00", "2024-09-17T14:30:00Z"],
    ["2024-09-17T10:30:00.250Z", "2024-09-17T10:30:00.250Z"],
    ["2024-09-17T10:30:00", "2024-09-17T10:30:00Z"],
    ["2024-09-17", "2024-09-17T00:00:00Z"],
    // RFC 822 as Portuguese, Spanish, German and French feeds write it.
    ["Seg, 24 Set 2018 19:22:00 -0300", "2018-09-24T22:22:00Z"],
    ["Mié, 12 Dic 2018 08:00:00 +0100", "2018-12-12T07:00:00Z"],
    ["Di, 01 Okt 2024 10:00:00 +0200", "2024-10-01T08:00:00Z"],
    ["mar., 13 févr. 2024 10:00:00 GMT", "2024-02-13T10:00:00Z"],
  ])("%s -> %s (UTC, whatever this machine's zone)", (raw, utc) => {
    expect(utcDate(raw)).toBe(utc);
  });

  it.each(["", "soon", "32 Sep 2024", "2024-13-01T00:00:00Z"])("%j is not a date", (raw) => {
    expect(utcDate(raw)).toBeUndefined();
  });
});

describe("languages and lengths", () => {
  it.each([
    ["fa", "fa"],
    ["FA_ir", "fa-IR"],
    ["en-us", "en-US"],
    ["zh-Hant-TW", "zh-Hant-TW"],
    ["english", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%s -> %s", (raw, tag) => {
    expect(languageTag(raw)).toBe(tag);
  });

  it("cuts long text at a word, with an ellipsis, within the limit", () => {
    const text = "word ".repeat(100).trim();
    const short = shorten(text, 400);
    expect(short.length).toBeLessThanOrEqual(400);
    expect(short).toMatch(/word…$/);
    expect(shorten("short", 400)).toBe("short");
  });
});

const NOW = new Date("2024-09-20T12:00:00Z");
const CONTEXT: StoryContext = {
  topics: ["world"],
  source: "Wire",
  feedKey: "https://wire.example/",
  feedDate: undefined,
  now: NOW,
};
const item = (fields: Partial<FeedItem>): FeedItem => ({
  n: 1,
  title: "Headline",
  summary: "Summary.",
  body: [],
  guid: "1",
  published: "2024-09-17T10:00:00Z",
  authors: [],
  ...fields,
});
const story = (fields: Partial<FeedItem>, context: Partial<StoryContext> = {}) => {
  const draft = storyFromItem(item(fields), { ...CONTEXT, ...context });
  if (!draft.ok) throw new Error(draft.message);
  return draft;
};

describe("items a strict importer would skip", () => {
  it("heads an untitled item with its first sentence, cut at a word within 200 characters", () => {
    expect(story({ title: "", summary: "Ferry returns. More later." }).story.headline).toBe(
      "Ferry returns.",
    );
    const long = story({ title: "", summary: `${"harbour ".repeat(60)}end.` }).story.headline;
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^harbour( harbour)*…$/);
    // No summary: the first paragraph or quotation.
    expect(
      story({ title: "", summary: "", body: [{ type: "quote", text: "We missed it! Truly." }] })
        .story.headline,
    ).toBe("We missed it!");
    // Content that is only a heading or a list still has text (found by the fuzz test).
    expect(
      story({ title: "", summary: "", body: [{ type: "heading", text: "Polls close" }] }).story
        .headline,
    ).toBe("Polls close");
    expect(
      story({ title: "", summary: "", body: [{ type: "list", items: ["Roads shut."] }] }).story
        .headline,
    ).toBe("Roads shut.");
  });

  it("dates an undated item as its feed, else the import, and says which", () => {
    const asFeed = story({ published: undefined }, { feedDate: "Mon, 16 Sep 2024 08:00:00 GMT" });
    expect(asFeed.story.publishedAt).toBe("2024-09-16T08:00:00Z");
    expect(asFeed.undated).toEqual({
      reason: "has no date (pubDate, published or date_published)",
      from: "feed",
    });
    const atImport = story({ published: "soon" });
    expect(atImport.story.publishedAt).toBe("2024-09-20T12:00:00Z");
    expect(atImport.undated?.from).toBe("import");
  });

  it("refuses a date more than a day ahead, and takes one less than a day ahead", () => {
    expect(storyFromItem(item({ published: "2024-09-21T13:00:00Z" }), CONTEXT)).toEqual({
      ok: false,
      message:
        "date 2024-09-21T13:00:00Z is more than a day in the future; expected a date of publication",
    });
    expect(story({ published: "2024-09-21T11:00:00Z" }).story.publishedAt).toBe(
      "2024-09-21T11:00:00Z",
    );
  });

  it("names a story by its absolute address first, and drops an update dated ahead", () => {
    const byGuid = story({ link: "/news/1", guid: "https://wire.example/news/1" }).story;
    expect(byGuid.id).toBe(storyId("https://wire.example/news/1"));
    const ahead = story({ updated: "2024-09-25T00:00:00Z" }).story;
    expect(ahead.updatedAt).toBeUndefined();
    expect(story({ updated: "2024-09-18T00:00:00Z" }).story.updatedAt).toBe("2024-09-18T00:00:00Z");
  });

  it("shortens or splits every field over its limit instead of skipping the item", () => {
    const words = (n: number) => "word ".repeat(n).trim();
    const { story: made } = story({
      title: words(100),
      body: [
        { type: "paragraph", text: words(5000) },
        { type: "quote", text: words(2000), cite: words(100) },
        { type: "list", items: [words(1000)] },
        { type: "heading", text: words(100) },
      ],
    });
    const photo = withPhoto(made, {
      src: "images/imported/a.jpg",
      alt: words(200),
      credit: words(100),
      width: 1,
      height: 1,
    });
    const parsed = storySchema.safeParse(photo);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(made.body.map((block) => block.type)).toEqual([
      "paragraph",
      "paragraph",
      "paragraph",
      "quote",
      "quote",
      "list",
      "paragraph",
    ]);
    // The cite stays with the quotation's last part.
    expect(made.body.filter((block) => block.type === "quote" && block.cite)).toHaveLength(1);
    expect(made.body[4]).toMatchObject({ type: "quote" });
  });
});
