import { mkdir } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { badFileCases, badSchemaCases, escapeRegExp, STORY } from "./bad-content-cases.ts";
import { badReferenceCases } from "./bad-reference-cases.ts";
import { formatContentError } from "./content-error.ts";
import { buildApi } from "./emit.ts";
import { loadContent, type StoryCard } from "./load-content.ts";
import {
  createFixture,
  type Fixture,
  INLINE_IMAGE,
  imageBytes,
  LEAD_IMAGE,
  type StoryJson,
  storyJson,
} from "./test-fixture.ts";

const cases = [...badFileCases, ...badSchemaCases, ...badReferenceCases];

describe("loadContent rejects bad content with one clear line per problem", () => {
  let fixture: Fixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  it.each(cases)("$name", async ({ mutate, expected }) => {
    fixture = await createFixture();
    await mutate(fixture);
    const result = await loadContent(fixture.dir);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors.map(formatContentError);
    const dir = fixture.dir;
    expect(lines, lines.join("\n")).toHaveLength(expected.length);
    expected.forEach(([file, path, message], index) => {
      const line = lines[index] ?? "";
      const prefix = `${file ? fixture?.at(file) : dir}: ${path}: `;
      expect(line.slice(0, prefix.length), line).toBe(prefix);
      expect(line).toContain(message.replaceAll("{dir}", dir));
      expect(line).not.toContain("\n");
    });
  });
});

describe("loadContent", () => {
  let fixture: Fixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  it("accepts the valid fixture and returns it as written", async () => {
    const story = storyJson("first-story");
    fixture = await createFixture({ stories: [story] });
    const result = await loadContent(fixture.dir);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.content.dataDir).toBe(fixture.dir);
    expect(result.content.topics.map((topic) => topic.slug)).toEqual(["iran", "world", "science"]);
    // The card is all but the body; the whole story is read again on request.
    const { body: _body, ...card } = story;
    expect(result.content.cards).toEqual([card]);
    expect(result.content.story(result.content.cards[0] as StoryCard)).toEqual(story);
    expect([...result.content.photos.keys()]).toEqual([LEAD_IMAGE.src, INLINE_IMAGE.src]);
  });

  it("names the story file that changed after it was checked instead of emitting it", async () => {
    fixture = await createFixture({ stories: [storyJson("first-story")] });
    const result = await loadContent(fixture.dir);
    if (!result.ok) throw new Error("the fixture does not load");
    const [card] = result.content.cards as [StoryCard];
    // Still valid, but not the text that was checked: its text must not reach the site.
    await fixture.editJson("stories/first-story.json", (story) => {
      story.headline = "Edited during the build";
    });
    const file = fixture.at("stories/first-story.json");
    expect(() => result.content.story(card)).toThrow(
      `${file}: the story changed during the build (after it was checked); build again`,
    );
    await fixture.remove("stories/first-story.json");
    expect(() => result.content.story(card)).toThrow(
      `${file}: could not read the story again (ENOENT); it changed during the build, build again`,
    );
  });

  it("reads a story again as checked, byte-order mark and all", async () => {
    const story = storyJson("first-story");
    fixture = await createFixture({ stories: [story] });
    await fixture.writeText("stories/first-story.json", `\uFEFF${JSON.stringify(story)}`);
    const result = await loadContent(fixture.dir);
    if (!result.ok) throw new Error("the fixture does not load");
    expect(result.content.story(result.content.cards[0] as StoryCard)).toEqual(story);
  });

  it("reports every error across all files in one run, folder and topics first", async () => {
    fixture = await createFixture({
      stories: [
        storyJson("a-story"),
        storyJson("b-story", { topics: ["sport"] }),
        storyJson("c-story"),
      ],
    });
    await fixture.editJson("stories/a-story.json", (story) => delete story.summary);
    await fixture.editJson("stories/c-story.json", (story) =>
      Object.assign(story, { publishedAt: "soon", extra: true }),
    );
    await fixture.writeText("stories/d-story.json", "{");
    await fixture.remove("images/inline.png");
    await fixture.editJson("topics.json", (topics) =>
      (topics as unknown as StoryJson[]).push({ slug: "world", name: "World" }),
    );

    const result = await loadContent(fixture.dir);
    const lines = result.ok ? [] : result.errors.map(formatContentError);
    const f = fixture;
    const line = (file: string, path: string, message: string) =>
      expect.stringMatching(new RegExp(`^${escapeRegExp(`${f.at(file)}: ${path}: ${message}`)}`));
    expect(lines).toEqual([
      line("topics.json", "$[3].slug", 'duplicate topic slug "world"'),
      line("stories/a-story.json", "$.summary", "required field is missing (expected string)"),
      line("stories/a-story.json", "$.body[2].photo.src", "image file not found"),
      line("stories/b-story.json", "$.topics[0]", 'unknown topic "sport"'),
      line("stories/b-story.json", "$.body[2].photo.src", "image file not found"),
      line("stories/c-story.json", "$.publishedAt", "must be an ISO 8601 date-time"),
      line("stories/c-story.json", "$.extra", 'unknown field "extra"'),
      line("stories/c-story.json", "$.body[2].photo.src", "image file not found"),
      line("stories/d-story.json", "$", "invalid JSON at line 1, column 2"),
    ]);
  });

  it("accepts text that looks like HTML and keeps it verbatim", async () => {
    const headline = '<script>alert("x")</script> & <b>bold</b>';
    const paragraph = "<img src=x onerror=alert(1)> &amp; <p>not markup</p>";
    fixture = await createFixture({
      stories: [
        storyJson("html-story", { headline, body: [{ type: "paragraph", text: paragraph }] }),
      ],
    });
    const result = await loadContent(fixture.dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.cards[0]?.headline).toBe(headline);
    const page = JSON.parse(buildApi(result.content).get("api/stories/html-story.json") ?? "");
    expect(page.story.headline).toBe(headline);
    expect(page.story.body).toEqual([{ type: "paragraph", text: paragraph }]);
  });

  it("warns about files in stories/ that are not .json and ignores dotfiles", async () => {
    fixture = await createFixture();
    await fixture.writeText("stories/notes.txt", "draft");
    await fixture.writeText("stories/.DS_Store", "");
    await mkdir(fixture.at("stories/drafts"));
    const result = await loadContent(fixture.dir);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatContentError)).toEqual([
      `${fixture.at("stories/drafts")}: $: folder ignored; stories must be <id>.json files directly in stories/`,
      `${fixture.at("stories/notes.txt")}: $: not a .json file, ignored; stories must be named <id>.json`,
    ]);
  });

  it("accepts EXIF-rotated images sized as displayed, and a byte-order mark", async () => {
    fixture = await createFixture();
    await fixture.writeText("images/rotated.jpg", await imageBytes(40, 30, "jpeg", 6));
    const story = storyJson("first-story", {
      photo: { src: "images/rotated.jpg", alt: "A grey rectangle", width: 30, height: 40 },
    });
    await fixture.writeText(STORY, `\uFEFF${JSON.stringify(story)}`);
    const result = await loadContent(fixture.dir);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("returns stories newest first by instant, ties by id", async () => {
    fixture = await createFixture({
      stories: [
        storyJson("b-tie", { publishedAt: "2024-09-17T12:00:00+02:00" }),
        storyJson("a-tie", { publishedAt: "2024-09-17T10:00:00Z" }),
        storyJson("older", { publishedAt: "2024-09-17T11:00:00+03:00" }),
        storyJson("newest", { publishedAt: "2024-09-18T00:00:00Z" }),
      ],
    });
    const result = await loadContent(fixture.dir);
    expect(result.ok && result.content.cards.map((story) => story.id)).toEqual([
      "newest",
      "a-tie",
      "b-tie",
      "older",
    ]);
  });
});

describe("loadContent with what the last build knew of the story files", () => {
  let fixture: Fixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  const load = async (known?: Map<string, string>) => {
    const result = await loadContent(fixture?.dir ?? "", known);
    if (!result.ok) throw new Error(result.errors.map(formatContentError).join("\n"));
    return result;
  };

  it("takes an unchanged file's card from it without reading the file, and reads a changed one", async () => {
    fixture = await createFixture({
      stories: [storyJson("first-story"), storyJson("second-story")],
    });
    // Without a record to go by (content:check, the dev server), nothing is recorded.
    expect((await load()).known.size).toBe(0);
    const first = await load(new Map());
    expect([...first.known.keys()].sort()).toEqual(["first-story.json", "second-story.json"]);
    const again = await load(first.known);
    expect(again.content.cards).toEqual(first.content.cards);
    expect([...again.content.photos]).toEqual([...first.content.photos]);
    expect(again.content.hashes).toEqual(first.content.hashes);
    expect(buildApi(again.content)).toEqual(buildApi(first.content));

    // The card comes from what was known while the file is untouched: a known entry that says
    // otherwise (never written by a build) shows it was not read.
    const entry = first.known.get("first-story.json") ?? "";
    const forged = new Map(first.known).set(
      "first-story.json",
      entry.replace("Headline of first-story", "Known headline"),
    );
    const fromKnown = await load(forged);
    expect(fromKnown.content.cards.map((story) => story.headline)).toContain("Known headline");

    // Saved again: read again.
    await fixture.editJson("stories/first-story.json", (story) => {
      story.headline = "A corrected headline";
    });
    const edited = await load(forged);
    expect(edited.content.cards.map((story) => story.headline)).toContain("A corrected headline");
    expect(edited.known.get("first-story.json")).toContain("A corrected headline");
    expect(edited.known.get("second-story.json")).toBe(first.known.get("second-story.json"));
  });

  it("still checks a known story's images, topics and id, naming the same place", async () => {
    fixture = await createFixture({ stories: [storyJson("first-story")] });
    const { known } = await load(new Map());
    await fixture.remove(INLINE_IMAGE.src);
    const withKnown = await loadContent(fixture.dir, known);
    const without = await loadContent(fixture.dir);
    expect(withKnown.ok).toBe(false);
    const lines = (result: typeof without) =>
      result.ok ? [] : result.errors.map(formatContentError);
    expect(lines(withKnown)).toEqual(lines(without));
    expect(lines(withKnown).join("\n")).toContain("$.body[2].photo.src");
  });
});
