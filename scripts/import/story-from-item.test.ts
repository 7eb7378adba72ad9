import { describe, expect, it } from "vitest";
import { isContentId } from "../../src/content/content-id.ts";
import { languageTag, shorten, storyId, utcDate } from "./story-from-item.ts";

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
