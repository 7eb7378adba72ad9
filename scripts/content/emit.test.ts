import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedPage, StoryList, StoryPage } from "../../src/content/api-types.ts";
import { buildApi, emitSite } from "./emit.ts";
import { type Content, loadContent } from "./load-content.ts";
import { createFixture, type Fixture, type StoryJson, storyJson } from "./test-fixture.ts";

const STORY_COUNT = 23;
const BASE = Date.parse("2024-09-20T00:00:00Z");
const HOUR = 3_600_000;

/**
 * 23 stories listed newest first. Ids are a permutation so file order is not feed order;
 * entries 5 and 6 are published at the same instant in different offsets (tie -> id order);
 * entry 7 is older than 5 although its "+03:00" string sorts after 5's "Z" string.
 */
const corpus: StoryJson[] = Array.from({ length: STORY_COUNT }, (_, i) => {
  const id = `story-${String((i * 7) % STORY_COUNT).padStart(2, "0")}`;
  let publishedAt = new Date(BASE - i * HOUR).toISOString().replace(".000Z", "Z");
  if (i === 6) publishedAt = "2024-09-19T21:00:00+02:00";
  if (i === 7) publishedAt = "2024-09-19T20:00:00+03:00";
  const story = storyJson(id, {
    publishedAt,
    topics: [["iran"], ["world"], ["world", "iran"]][i % 3],
  });
  if (i === 2) story.lang = "fa";
  if (i % 2 === 0) story.sample = true;
  if (i === 4) story.updatedAt = "2024-09-21T00:00:00Z";
  if (i === 3 || i === 10) story.breaking = true;
  if (i === 1 || i === 4 || i === 20) story.specialReport = true;
  if (i % 4 === 3) delete story.photo;
  return story;
});
const newestFirst = corpus.map((story) => String(story.id));
const withTopic = (slug: string) =>
  corpus.filter((story) => (story.topics as string[]).includes(slug)).map((s) => String(s.id));

let fixture: Fixture;
let content: Content;
let api: Map<string, string>;
const json = <T>(key: string): T => JSON.parse(api.get(key) ?? "null") as T;

beforeAll(async () => {
  fixture = await createFixture({ stories: corpus });
  const result = await loadContent(fixture.dir);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  content = result.content;
  api = buildApi(content);
});
afterAll(() => fixture.cleanup());

describe("buildApi", () => {
  it("emits topics in topics.json order", () => {
    expect(json("api/topics.json")).toEqual([
      { slug: "iran", name: "Iran", description: "News about Iran." },
      { slug: "world", name: "World" },
      { slug: "science", name: "Science" },
    ]);
  });

  it("pages Breaking News by 10, newest first, ties by id", () => {
    const pages = [1, 2, 3].map((page) => json<FeedPage>(`api/feeds/breaking-news/${page}.json`));
    expect(api.has("api/feeds/breaking-news/4.json")).toBe(false);
    pages.forEach((feedPage, index) => {
      expect(feedPage).toMatchObject({
        feed: "breaking-news",
        title: "Breaking News",
        page: index + 1,
        pageCount: 3,
        total: STORY_COUNT,
      });
    });
    expect(pages.map((p) => p.stories.length)).toEqual([10, 10, 3]);
    expect(pages.flatMap((p) => p.stories.map((s) => s.id))).toEqual(newestFirst);
    expect(newestFirst.slice(5, 8)).toEqual(["story-12", "story-19", "story-03"]);
  });

  it("pages each topic feed with its name as title", () => {
    for (const [slug, title] of [
      ["iran", "Iran"],
      ["world", "World"],
    ] as const) {
      const expected = withTopic(slug);
      const pageCount = Math.ceil(expected.length / 10);
      const pages = Array.from({ length: pageCount }, (_, i) =>
        json<FeedPage>(`api/feeds/${slug}/${i + 1}.json`),
      );
      expect(api.has(`api/feeds/${slug}/${pageCount + 1}.json`)).toBe(false);
      for (const page of pages)
        expect(page).toMatchObject({ feed: slug, title, pageCount, total: expected.length });
      expect(pages.flatMap((p) => p.stories.map((s) => s.id))).toEqual(expected);
    }
  });

  it("gives an empty topic a first page with no stories", () => {
    expect(json("api/feeds/science/1.json")).toEqual({
      feed: "science",
      title: "Science",
      page: 1,
      pageCount: 1,
      total: 0,
      stories: [],
    });
    expect(api.has("api/feeds/science/2.json")).toBe(false);
  });

  it("puts only card fields in summaries, defaults lang and omits absent optionals", () => {
    const stories = json<FeedPage>("api/feeds/breaking-news/1.json").stories;
    const allowed = ["id", "headline", "summary", "topics", "publishedAt", "updatedAt"];
    allowed.push("sample", "photo", "lang");
    for (const summary of stories)
      expect(Object.keys(summary).every((key) => allowed.includes(key))).toBe(true);
    const [first, second, third, fourth, fifth] = stories;
    expect(first).toEqual({
      id: "story-00",
      headline: "Headline of story-00",
      summary: "Summary of story-00.",
      topics: ["iran"],
      publishedAt: "2024-09-20T00:00:00Z",
      sample: true,
      photo: corpus[0]?.photo,
      lang: "en",
    });
    expect(second).not.toHaveProperty("sample");
    expect(third?.lang).toBe("fa");
    expect(fourth).not.toHaveProperty("photo");
    expect(fifth?.updatedAt).toBe("2024-09-21T00:00:00Z");
    expect(first).not.toHaveProperty("updatedAt");
  });

  it("emits every story with its newer (previous) and older (next) neighbours", () => {
    newestFirst.forEach((id, index) => {
      const page = json<StoryPage>(`api/stories/${id}.json`);
      const link = (other: string | undefined) =>
        other === undefined
          ? null
          : {
              id: other,
              headline: `Headline of ${other}`,
              lang: other === "story-14" ? "fa" : "en",
            };
      expect(page.story.id).toBe(id);
      expect(page.previous).toEqual(link(newestFirst[index - 1]));
      expect(page.next).toEqual(link(newestFirst[index + 1]));
    });
    const first = json<StoryPage>(`api/stories/${newestFirst[0]}.json`);
    expect(first.previous).toBeNull();
    expect(json<StoryPage>(`api/stories/${newestFirst.at(-1)}.json`).next).toBeNull();
    expect(first.story).toEqual({ ...corpus[0], lang: "en" });
  });

  it("relates up to three other stories of the first topic, newest first", () => {
    for (const story of corpus) {
      const id = String(story.id);
      const firstTopic = (story.topics as string[])[0] ?? "";
      const expected = withTopic(firstTopic)
        .filter((other) => other !== id)
        .slice(0, 3);
      const related = json<StoryPage>(`api/stories/${id}.json`).related;
      expect(related.map((s) => s.id)).toEqual(expected);
      expect(related.length).toBeLessThanOrEqual(3);
      expect(related.every((s) => s.topics.includes(firstTopic))).toBe(true);
    }
  });

  it("lists breaking stories and special reports newest first", () => {
    const link = (id: string) => ({ id, headline: `Headline of ${id}`, lang: "en" });
    expect(json<StoryList>("api/breaking.json")).toEqual({
      stories: [newestFirst[3], newestFirst[10]].map((id) => link(id ?? "")),
    });
    expect(json<StoryList>("api/special-reports.json")).toEqual({
      stories: [newestFirst[1], newestFirst[4], newestFirst[20]].map((id) => link(id ?? "")),
    });
  });

  it("emits exactly the expected files, all minified JSON", () => {
    const feedPages = 3 + Math.ceil(withTopic("iran").length / 10) + 2 + 1;
    expect(api.size).toBe(1 + feedPages + STORY_COUNT + 2);
    for (const text of api.values()) expect(text).toBe(JSON.stringify(JSON.parse(text)));
  });

  it("does no I/O", () => {
    const files = buildApi({ ...content, dataDir: path.join(fixture.dir, "does-not-exist") });
    expect(files).toEqual(api);
  });
});

describe("emitSite", () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "dispatch-emit-"));
    await emitSite(content, outDir);
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it("writes every API file under outDir", async () => {
    for (const [key, text] of api)
      expect(await readFile(path.join(outDir, key), "utf8")).toBe(text);
    expect(await readdir(path.join(outDir, "api/stories"))).toHaveLength(STORY_COUNT);
  });

  it("writes no original image: pages show only the build's responsive variants", async () => {
    expect(await readdir(outDir)).toEqual(["api"]);
  });
});
