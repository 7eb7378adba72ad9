import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Story } from "../../src/content/schema.ts";
import { ObjectStore } from "../shared/build-cache.ts";
import { SiteOutput } from "../shared/site-output.ts";
import { apiFiles, buildApi } from "./emit.ts";
import { emitApi } from "./emit-api.ts";
import type { Content } from "./load-content.ts";
import { contentOf, FIXTURE_TOPICS, storyJson } from "./test-fixture.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dispatch-emit-api-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Twelve stories an hour apart, newest first, over two topics. */
const stories = (edit: (story: Story, at: number) => void = () => {}): Story[] =>
  Array.from({ length: 12 }, (_, at) => {
    const story = storyJson(`story-${at}`, {
      topics: [at % 3 === 0 ? "world" : "iran"],
      publishedAt: new Date(Date.UTC(2024, 0, 2) - at * 3_600_000).toISOString(),
    }) as Story;
    edit(story, at);
    return story;
  });

/** One build's API stage into dist/, counting the story files it read again. */
async function build(list: Story[], code = "code-1") {
  const content = contentOf(FIXTURE_TOPICS, list);
  const read: string[] = [];
  const counted: Content = {
    ...content,
    story: (card) => {
      read.push(card.id);
      return content.story(card);
    },
  };
  const site = await SiteOutput.open({
    store: new ObjectStore(path.join(dir, "cache")),
    staging: await mkdtemp(path.join(dir, ".dispatch-build-")),
    live: path.join(dir, "dist"),
    manifestFile: path.join(dir, "cache", "site.tsv"),
  });
  // Every file a page shows, with its hash, as prerendering is told of them.
  const hashes = new Map<string, string>();
  await emitApi(counted, site, {
    indexFile: path.join(dir, "cache", "api.tsv"),
    code,
    onFile: (file, hash) => hashes.set(file, hash),
  });
  await site.commit();
  return { read: read.sort(), hashes, content };
}

/** dist/'s API files are what buildApi makes of the content, every one. */
async function expectSiteToBe(content: Content) {
  for (const [file, json] of buildApi(content)) {
    expect(await readFile(path.join(dir, "dist", file), "utf8"), file).toBe(json);
  }
}

describe("emitApi", () => {
  it("makes a story's file again only when it, its neighbours or its related stories changed", async () => {
    const first = await build(stories());
    expect(first.read).toHaveLength(12);
    await expectSiteToBe(first.content);

    const again = await build(stories());
    expect(again.read).toEqual([]);
    expect(again.hashes).toEqual(first.hashes);

    // story-5 (iran) edited: its own file, its neighbours' links and the related lists of the
    // iran stories around it are made again; the world stories far from it are not.
    const edited = await build(
      stories((story, at) => {
        if (at === 5) story.headline = "A corrected headline";
      }),
    );
    expect(edited.read).toContain("story-5");
    expect(edited.read).toContain("story-4");
    expect(edited.read).toContain("story-6");
    expect(edited.read).not.toContain("story-9");
    expect(edited.read.length).toBeLessThan(12);
    await expectSiteToBe(edited.content);
  });

  it("makes every story's file again when the code changed", async () => {
    await build(stories());
    expect((await build(stories(), "code-2")).read).toHaveLength(12);
  });
});

describe("apiFiles' reuse", () => {
  it("asks before each story file and archive page, with the hashes of the stories it shows", () => {
    const list = Array.from({ length: 25 }, (_, at) => stories()[at % 12] as Story).map(
      (story, at) => ({ ...story, id: `story-${at}` }),
    );
    const content = contentOf(FIXTURE_TOPICS, list);
    const asked = new Map<string, string>();
    const made = [
      ...apiFiles(content, (file, inputs) => {
        asked.set(file, inputs);
        return true;
      }),
    ].map(([file]) => file);
    expect(made.some((file) => file.startsWith("api/stories/"))).toBe(false);
    expect(made.some((file) => file.startsWith("archive/"))).toBe(false);
    expect(made).toContain("api/feeds/breaking-news/head.json");
    // Archive page 1 holds the ten oldest stories, oldest last.
    const oldestTen = list.slice(15).map((story) => content.hashes.get(story.id));
    expect(asked.get("archive/breaking-news/1.json")).toBe(oldestTen.join(" "));
    // A story's file: the story, its previous and next, then its related stories.
    const story3 = asked.get("api/stories/story-3.json")?.split(" ") ?? [];
    expect(story3.slice(0, 3)).toEqual(
      ["story-3", "story-2", "story-4"].map((id) => content.hashes.get(id)),
    );
    expect(story3).toHaveLength(6);
  });
});
