import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Photo, Story, Topic } from "../../src/content/schema.ts";
import { sha1 } from "../shared/build-cache.ts";
import { addStoryPhotos, photoSrcsOf } from "./images.ts";
import type { Content, StoryCard } from "./load-content.ts";

/**
 * Temporary data folders for the content tests. Every fixture is real content: the tests read
 * it back through loadContent, so it is held to the same schema as the newsroom's files.
 */

export type StoryJson = Record<string, unknown>;

export const FIXTURE_TOPICS = [
  { slug: "iran", name: "Iran", description: "News about Iran." },
  { slug: "world", name: "World" },
  { slug: "science", name: "Science" },
];

export const LEAD_IMAGE = { src: "images/lead.jpg", width: 40, height: 30 };
export const INLINE_IMAGE = { src: "images/inline.png", width: 20, height: 10 };

export function storyJson(id: string, overrides: StoryJson = {}): StoryJson {
  return {
    id,
    headline: `Headline of ${id}`,
    summary: `Summary of ${id}.`,
    topics: ["iran"],
    publishedAt: "2024-09-17T10:30:00Z",
    byline: "VOA News",
    photo: {
      ...LEAD_IMAGE,
      alt: "A plain grey rectangle",
      caption: "FILE - A grey test image",
      credit: "Generated test image",
    },
    body: [
      { type: "paragraph", text: "First paragraph." },
      { type: "quote", text: "A quotation.", cite: "A spokesperson" },
      { type: "photo", photo: { ...INLINE_IMAGE, alt: "A small grey rectangle" } },
      { type: "list", ordered: true, items: ["One", "Two"] },
      { type: "heading", text: "A heading" },
    ],
    ...overrides,
  };
}

export async function imageBytes(
  width: number,
  height: number,
  format: "jpeg" | "png",
  orientation?: number,
): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: "#808080" } });
  const encoded = format === "jpeg" ? image.jpeg() : image.png();
  return (orientation ? encoded.withMetadata({ orientation }) : encoded).toBuffer();
}

export type Fixture = {
  dir: string;
  /** Absolute path of a file in the fixture, as loadContent reports it. */
  at(relative: string): string;
  writeJson(relative: string, value: unknown): Promise<void>;
  writeText(relative: string, text: string | Buffer): Promise<void>;
  readJson(relative: string): Promise<StoryJson>;
  /** Reads a JSON file, lets `change` edit it in place, and writes it back. */
  editJson(relative: string, change: (json: StoryJson) => void): Promise<void>;
  remove(relative: string): Promise<void>;
  cleanup(): Promise<void>;
};

export async function createFixture(
  options: { stories?: StoryJson[]; topics?: unknown } = {},
): Promise<Fixture> {
  const dir = await mkdtemp(path.join(tmpdir(), "dispatch-content-"));
  const at = (relative: string) => path.join(dir, relative);
  const writeText = async (relative: string, text: string | Buffer) => {
    await mkdir(path.dirname(at(relative)), { recursive: true });
    await writeFile(at(relative), text);
  };
  const writeJson = (relative: string, value: unknown) =>
    writeText(relative, `${JSON.stringify(value, null, 2)}\n`);
  const readJson = async (relative: string) =>
    JSON.parse(await readFile(at(relative), "utf8")) as StoryJson;

  await writeJson("topics.json", options.topics ?? FIXTURE_TOPICS);
  for (const story of options.stories ?? [storyJson("first-story")])
    await writeJson(`stories/${String(story.id)}.json`, story);
  await writeText(LEAD_IMAGE.src, await imageBytes(LEAD_IMAGE.width, LEAD_IMAGE.height, "jpeg"));
  await writeText(
    INLINE_IMAGE.src,
    await imageBytes(INLINE_IMAGE.width, INLINE_IMAGE.height, "png"),
  );

  return {
    dir,
    at,
    writeJson,
    writeText,
    readJson,
    async editJson(relative, change) {
      const json = await readJson(relative);
      change(json);
      await writeJson(relative, json);
    },
    remove: (relative) => rm(at(relative), { recursive: true, force: true }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Content made in memory from whole stories (newest first), for tests of what is cut from it,
 * in the shape loadContent gives: cards, photos, and the whole story on request.
 */
export function contentOf(topics: Topic[], stories: Story[], dataDir = ""): Content {
  const whole = new Map(stories.map((story) => [story.id, story]));
  const photos = new Map<string, Photo>();
  for (const story of stories) addStoryPhotos(photos, story);
  return {
    dataDir,
    topics,
    cards: stories.map(({ body: _body, ...card }): StoryCard => card),
    photos,
    photosOf: new Map(stories.map((story) => [story.id, photoSrcsOf(story)])),
    hashes: new Map(stories.map((story) => [story.id, sha1(JSON.stringify(story))])),
    story: (card) => {
      const story = whole.get(card.id);
      if (!story) throw new Error(`no story ${card.id}`);
      return story;
    },
  };
}
