import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  FeedArchivePage,
  FeedHead,
  StoryList,
  StoryPage,
} from "../../src/content/api-types.ts";
import type { Story } from "../../src/content/schema.ts";
import { buildApi, writeApiFiles } from "./emit.ts";
import { type Content, loadContent } from "./load-content.ts";
import {
  contentOf,
  createFixture,
  type Fixture,
  type StoryJson,
  storyJson,
} from "./test-fixture.ts";

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

  it("heads Breaking News with its newest stories and archives the rest by ten from the oldest, ties by id", () => {
    expect(json<FeedHead>("api/feeds/breaking-news/head.json")).toMatchObject({
      feed: "breaking-news",
      title: "Breaking News",
      total: STORY_COUNT,
      next: 1,
    });
    const head = json<FeedHead>("api/feeds/breaking-news/head.json");
    const archive = json<FeedArchivePage>("archive/breaking-news/1.json");
    expect(archive).toMatchObject({ feed: "breaking-news", page: 1, next: null });
    expect(api.has("archive/breaking-news/2.json")).toBe(false);
    expect([head.stories.length, archive.stories.length]).toEqual([13, 10]);
    expect([...head.stories, ...archive.stories].map((s) => s.id)).toEqual(newestFirst);
    expect(newestFirst.slice(5, 8)).toEqual(["story-12", "story-19", "story-03"]);
  });

  it("heads each topic feed with its name as title", () => {
    for (const [slug, title] of [
      ["iran", "Iran"],
      ["world", "World"],
    ] as const) {
      const expected = withTopic(slug);
      // Fewer than 20 stories: the head holds them all.
      expect(json(`api/feeds/${slug}/head.json`)).toMatchObject({
        feed: slug,
        title,
        total: expected.length,
        next: null,
      });
      expect(json<FeedHead>(`api/feeds/${slug}/head.json`).stories.map((s) => s.id)).toEqual(
        expected,
      );
      expect(api.has(`archive/${slug}/1.json`)).toBe(false);
    }
  });

  it("gives an empty topic a head with no stories", () => {
    expect(json("api/feeds/science/head.json")).toEqual({
      feed: "science",
      title: "Science",
      total: 0,
      stories: [],
      next: null,
    });
  });

  it("puts only card fields in summaries, defaults lang and omits absent optionals", () => {
    const stories = json<FeedHead>("api/feeds/breaking-news/head.json").stories;
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

  it("relates the three nearest older stories of the first topic, topped up with newer ones", () => {
    for (const story of corpus) {
      const id = String(story.id);
      const firstTopic = (story.topics as string[])[0] ?? "";
      const topic = withTopic(firstTopic);
      const at = topic.indexOf(id);
      const older = topic.slice(at + 1, at + 4);
      const expected = [...topic.slice(Math.max(0, at - (3 - older.length)), at), ...older];
      const related = json<StoryPage>(`api/stories/${id}.json`).related;
      expect(related.map((s) => s.id)).toEqual(expected);
      expect(related).toHaveLength(3);
      expect(related.every((s) => s.topics.includes(firstTopic))).toBe(true);
    }
    // The newest Iran story lists the next three Iran stories, not itself.
    const newestIran = withTopic("iran")[0] ?? "";
    expect(json<StoryPage>(`api/stories/${newestIran}.json`).related.map((s) => s.id)).toEqual(
      withTopic("iran").slice(1, 4),
    );
  });

  it("lists the newest breaking stories and special reports with their totals", () => {
    const link = (id: string) => ({ id, headline: `Headline of ${id}`, lang: "en" });
    expect(json<StoryList>("api/breaking.json")).toEqual({
      stories: [newestFirst[3], newestFirst[10]].map((id) => link(id ?? "")),
      total: 2,
    });
    expect(json<StoryList>("api/special-reports.json")).toEqual({
      stories: [newestFirst[1], newestFirst[4], newestFirst[20]].map((id) => link(id ?? "")),
      total: 3,
    });
  });

  it("emits exactly the expected files, all minified JSON", () => {
    // topics, breaking, special reports; four heads; one Breaking News archive page; stories.
    expect(api.size).toBe(3 + 4 + 1 + STORY_COUNT);
    for (const text of api.values()) expect(text).toBe(JSON.stringify(JSON.parse(text)));
  });

  it("reads no image and no other data file than the stories", () => {
    const files = buildApi({ ...content, dataDir: path.join(fixture.dir, "does-not-exist") });
    expect(files).toEqual(api);
  });

  it("stops, naming the file, when a story changed after it was checked", async () => {
    const changing = await createFixture({ stories: corpus.slice(0, 3) });
    try {
      const result = await loadContent(changing.dir);
      if (!result.ok) throw new Error("the fixture does not load");
      const id = String(corpus[1]?.id);
      await changing.editJson(`stories/${id}.json`, (story) => {
        story.summary = "Rewritten after the check.";
      });
      expect(() => buildApi(result.content)).toThrow(
        `${changing.at(`stories/${id}.json`)}: the story changed during the build`,
      );
    } finally {
      await changing.cleanup();
    }
  });
});

/** A story as the index stage sees it: only what the API reads. */
function syntheticStory(n: number, topics: string[], flags: Partial<Story> = {}): Story {
  return {
    id: `s-${String(n).padStart(4, "0")}`,
    headline: `Headline ${n}`,
    summary: `Summary ${n}.`,
    topics,
    publishedAt: new Date(BASE + n * HOUR).toISOString(),
    body: [{ type: "paragraph", text: `Story ${n}.` }],
    ...flags,
  } as Story;
}

/** n stories (s-0001 oldest), every third in a second topic, every seventh breaking. */
function archive(n: number): Content {
  const stories = Array.from({ length: n }, (_, i) =>
    syntheticStory(i + 1, (i + 1) % 3 === 0 ? ["world", "iran"] : ["world"], {
      ...((i + 1) % 7 === 0 ? { breaking: true } : {}),
    }),
  ).reverse();
  return contentOf(
    [
      { slug: "world", name: "World" },
      { slug: "iran", name: "Iran" },
    ],
    stories,
  );
}

describe("feed files as the archive grows", () => {
  const chain = (files: Map<string, string>, feed: string): string[] => {
    const head = JSON.parse(files.get(`api/feeds/${feed}/head.json`) ?? "null") as FeedHead;
    const ids = head.stories.map((s) => s.id);
    for (let page = head.next; page !== null; ) {
      const archived = JSON.parse(
        files.get(`archive/${feed}/${page}.json`) ?? "null",
      ) as FeedArchivePage;
      expect(archived.stories).toHaveLength(10);
      expect(archived.page).toBe(page);
      ids.push(...archived.stories.map((s) => s.id));
      page = archived.next;
    }
    return ids;
  };

  it("links head and archive pages into every story once, newest first, for any count", () => {
    for (let n = 0; n <= 45; n++) {
      const content = archive(n);
      const files = buildApi(content);
      expect(chain(files, "breaking-news")).toEqual(content.cards.map((s) => s.id));
      const head = JSON.parse(files.get("api/feeds/breaking-news/head.json") ?? "") as FeedHead;
      // Never fewer than a screen of ten (unless the feed is shorter), never twenty.
      expect(head.stories.length).toBe(n < 10 ? n : 10 + (n % 10));
    }
  });

  it("publishing a story changes the heads, its own file and its older neighbour's; archive pages are only added", () => {
    for (const n of [39, 40, 41, 210]) {
      const before = buildApi(archive(n));
      const after = buildApi(archive(n + 1));
      const changed = [...after]
        .filter(([key, text]) => before.get(key) !== text)
        .map(([key]) => key);
      for (const key of before.keys()) expect(after.has(key)).toBe(true);
      const added = syntheticStory(n + 1, []).id;
      const neighbour = syntheticStory(n, []).id;
      const expected = [
        "api/feeds/breaking-news/head.json",
        "api/feeds/world/head.json",
        `api/stories/${added}.json`,
        `api/stories/${neighbour}.json`,
      ];
      if ((n + 1) % 3 === 0) expected.push("api/feeds/iran/head.json");
      if ((n + 1) % 7 === 0) expected.push("api/breaking.json");
      const newPages = changed.filter((key) => key.startsWith("archive/"));
      expect(changed.filter((key) => !key.startsWith("archive/")).sort()).toEqual(expected.sort());
      // A full archive page appears at most once per feed, and only when one fills up.
      for (const key of newPages) expect(before.has(key)).toBe(false);
    }
  });

  it("keeps the banner and Special Report data the same size however large the archive", () => {
    const breaking = (n: number) => buildApi(archive(n)).get("api/breaking.json") ?? "";
    const small = JSON.parse(breaking(70)) as StoryList;
    const large = JSON.parse(breaking(700)) as StoryList;
    expect(small.stories).toHaveLength(5);
    expect(large.stories).toHaveLength(5);
    expect(large.total).toBe(100);
    // Only the longer numbers in ids, headlines and the total differ.
    expect(breaking(700).length).toBeLessThanOrEqual(breaking(70).length + 20);
  });
});

describe("writeApiFiles", () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "dispatch-emit-"));
    await writeApiFiles(content, outDir);
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it("writes every API file under outDir", async () => {
    for (const [key, text] of api)
      expect(await readFile(path.join(outDir, key), "utf8")).toBe(text);
    expect(await readdir(path.join(outDir, "api/stories"))).toHaveLength(STORY_COUNT);
  });

  it("writes no original image: pages show only the build's responsive variants", async () => {
    expect(await readdir(outDir)).toEqual(["api", "archive"]);
  });
});
