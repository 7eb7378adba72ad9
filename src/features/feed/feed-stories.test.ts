import { describe, expect, it } from "vitest";
import type { FeedArchivePage, FeedChunk, FeedHead, StorySummary } from "@/content/api-types";
import { feedScreens } from "@/features/feed/feed-stories";

const summary = (n: number): StorySummary => ({
  id: `s-${n}`,
  headline: `Headline ${n}`,
  summary: "",
  topics: ["world"],
  publishedAt: "2024-09-17T10:30:00Z",
  lang: "en",
});

/** Stories n..1, newest first. */
const range = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => summary(from - i));

const head = (total: number, headCount: number, next: number | null): FeedHead => ({
  feed: "world",
  title: "World",
  total,
  stories: range(total, total - headCount + 1),
  next,
});
const archived = (page: number): FeedArchivePage => ({
  feed: "world",
  page,
  stories: range(page * 10, page * 10 - 9),
  next: page > 1 ? page - 1 : null,
});

describe("feedScreens", () => {
  it("shows ten per screen from a head of 10–19 and archive pages of ten", () => {
    // 47 stories: the head holds 47..31 (17), archive page 3 holds 30..21.
    const chunks: FeedChunk[] = [head(47, 17, 3)];
    let screens = feedScreens(chunks);
    expect(screens.screenCount).toBe(5);
    expect(screens.ready).toBe(1);
    expect(screens.missing(2)).toEqual([3]);
    expect(screens.missing(5)).toEqual([3, 2, 1]);
    expect(screens.missing(99)).toEqual([3, 2, 1]);
    expect(screens.missing(1)).toEqual([]);

    chunks.push(archived(3));
    screens = feedScreens(chunks);
    expect(screens.ready).toBe(2);
    expect(screens.stories.slice(0, 20).map((s) => s.id)).toEqual(range(47, 28).map((s) => s.id));
    chunks.push(archived(2), archived(1));
    screens = feedScreens(chunks);
    // All fetched: the last, short screen counts too.
    expect(screens.ready).toBe(5);
    expect(screens.stories.map((s) => s.id)).toEqual(range(47, 1).map((s) => s.id));
    expect(screens.missing(5)).toEqual([]);
  });

  it("treats a short or empty feed as one head", () => {
    expect(feedScreens([head(15, 15, null)])).toMatchObject({ screenCount: 2, ready: 2 });
    expect(feedScreens([head(0, 0, null)])).toMatchObject({ screenCount: 1, ready: 1 });
  });
});
