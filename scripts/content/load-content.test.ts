import { mkdir, rename } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
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

const STORY = "stories/first-story.json";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type Mutation = (fixture: Fixture) => Promise<void>;
/** [file relative to the data folder ("" for the folder itself), JSON path, message part]. */
type ExpectedLine = [file: string, path: string, message: string];
type Case = { name: string; mutate: Mutation; expected: ExpectedLine[] };

const editStory =
  (change: (story: StoryJson) => void): Mutation =>
  (fixture) =>
    fixture.editJson(STORY, change);
const editTopics =
  (change: (topics: StoryJson[]) => void): Mutation =>
  (fixture) =>
    fixture.editJson("topics.json", (json) => change(json as unknown as StoryJson[]));
const writeStoryText =
  (text: string): Mutation =>
  (fixture) =>
    fixture.writeText(STORY, text);
const photo = (story: StoryJson) => story.photo as StoryJson;
const block = (story: StoryJson, index: number) => (story.body as StoryJson[])[index] as StoryJson;
const setPhotoSrc = (src: string) => editStory((story) => Object.assign(photo(story), { src }));

const cases: Case[] = [
  // The data folder and its layout.
  {
    name: "missing data folder",
    mutate: (f) => f.remove(""),
    expected: [["", "$", "data folder not found; expected a folder with topics.json"]],
  },
  {
    name: "empty data folder",
    mutate: async (f) => {
      await f.remove("");
      await mkdir(f.dir);
    },
    expected: [["", "$", "data folder is empty; expected a folder with topics.json"]],
  },
  {
    name: "data folder is a file",
    mutate: async (f) => {
      await f.remove("");
      await f.writeText("", "not a folder");
    },
    expected: [["", "$", "is a file, not a folder"]],
  },
  {
    name: "missing topics.json",
    mutate: (f) => f.remove("topics.json"),
    expected: [["topics.json", "$", "file not found; expected a list of topics"]],
  },
  {
    name: "missing stories folder",
    mutate: (f) => f.remove("stories"),
    expected: [["stories", "$", "folder not found; expected a folder with one <id>.json file"]],
  },
  {
    name: "stories is a file",
    mutate: async (f) => {
      await f.remove("stories");
      await f.writeText("stories", "oops");
    },
    expected: [["stories", "$", "is a file, not a folder"]],
  },
  {
    name: "no stories",
    mutate: async (f) => {
      await f.remove(STORY);
      await f.writeText("stories/readme.txt", "not a story");
    },
    expected: [["stories", "$", "no stories found; expected at least one <id>.json file"]],
  },

  // Invalid JSON, located by line and column.
  {
    name: "invalid JSON: trailing comma",
    mutate: writeStoryText('{\n  "id": "first-story",\n}\n'),
    expected: [[STORY, "$", 'invalid JSON at line 2, column 22: trailing comma before "}"']],
  },
  {
    name: "invalid JSON: missing comma",
    mutate: writeStoryText('{\n  "id": "first-story"\n  "headline": "x"\n}\n'),
    expected: [
      [STORY, "$", "invalid JSON at line 3, column 3: unexpected '\"' (the start of a string)"],
    ],
  },
  {
    name: "invalid JSON: unterminated file",
    mutate: writeStoryText('{\n  "id": "first-story'),
    expected: [
      [
        STORY,
        "$",
        "invalid JSON at line 2, column 21: unexpected end of file; expected a closing double quote",
      ],
    ],
  },
  {
    name: "invalid JSON: empty file",
    mutate: writeStoryText(""),
    expected: [[STORY, "$", "invalid JSON at line 1, column 1: the file is empty"]],
  },
  {
    name: "invalid JSON: single quotes",
    mutate: writeStoryText("{'id': 'first-story'}"),
    expected: [[STORY, "$", "invalid JSON at line 1, column 2: unexpected single quote"]],
  },
  {
    name: "invalid JSON: line break inside a string",
    mutate: writeStoryText('{"id": "first\nstory"}'),
    expected: [[STORY, "$", "invalid JSON at line 1, column 14: line break or control character"]],
  },
  {
    name: "invalid JSON: unquoted word",
    mutate: writeStoryText('{"id": "first-story",\n "breaking": yes}'),
    expected: [[STORY, "$", "invalid JSON at line 2, column 14: unexpected 'y'; expected a value"]],
  },
  {
    name: "invalid JSON: bad escape",
    mutate: writeStoryText('{"id": "first\\story"}'),
    expected: [[STORY, "$", "invalid JSON at line 1, column 14: invalid escape in a string"]],
  },
  {
    name: "invalid JSON: text after the value",
    mutate: writeStoryText('{"id": "first-story"}\n}'),
    expected: [[STORY, "$", "invalid JSON at line 2, column 1: unexpected '}' after the end"]],
  },

  // Schema: missing fields, wrong types, unknown fields and blocks.
  {
    name: "missing required field",
    mutate: editStory((story) => delete story.headline),
    expected: [[STORY, "$.headline", "required field is missing (expected string)"]],
  },
  {
    // The field's own format message must not stand in for "missing".
    name: "missing required field that has a format",
    mutate: editStory((story) => delete story.publishedAt),
    expected: [[STORY, "$.publishedAt", "required field is missing (expected string)"]],
  },
  {
    name: "wrong type for a field that has a format",
    mutate: editStory((story) => Object.assign(story, { publishedAt: 20240912 })),
    expected: [[STORY, "$.publishedAt", "expected string, got number"]],
  },
  {
    name: "missing required field in the photo",
    mutate: editStory((story) => delete photo(story).alt),
    expected: [[STORY, "$.photo.alt", "required field is missing"]],
  },
  {
    name: "missing required field in a block",
    mutate: editStory((story) => delete block(story, 0).text),
    expected: [[STORY, "$.body[0].text", "required field is missing"]],
  },
  {
    name: "wrong type: number for string",
    mutate: editStory((story) => Object.assign(story, { headline: 42 })),
    expected: [[STORY, "$.headline", "expected string, got number"]],
  },
  {
    name: "wrong type: string for boolean",
    mutate: editStory((story) => Object.assign(story, { breaking: "yes" })),
    expected: [[STORY, "$.breaking", "expected boolean, got string"]],
  },
  {
    name: "wrong type: string for array",
    mutate: editStory((story) => Object.assign(story, { topics: "iran" })),
    expected: [[STORY, "$.topics", "expected array, got string"]],
  },
  {
    name: "wrong type: null",
    mutate: editStory((story) => Object.assign(story, { summary: null })),
    expected: [[STORY, "$.summary", "expected string, got null"]],
  },
  {
    name: "wrong type: fraction for pixels",
    mutate: editStory((story) => Object.assign(photo(story), { width: 40.5 })),
    expected: [[STORY, "$.photo.width", "expected whole number, got 40.5"]],
  },
  {
    name: "wrong type: the story is not an object",
    mutate: (f) => f.writeJson(STORY, [storyJson("first-story")]),
    expected: [[STORY, "$", "expected object, got array"]],
  },
  {
    name: "unknown field",
    mutate: editStory((story) => Object.assign(story, { foo: 1 })),
    expected: [[STORY, "$.foo", 'unknown field "foo"; expected only "id", "headline"']],
  },
  {
    name: "unknown field close to a known one",
    mutate: editStory((story) => Object.assign(story, { sumary: "typo" })),
    expected: [[STORY, "$.sumary", 'unknown field "sumary"; did you mean "summary"?']],
  },
  {
    name: "unknown field in the photo",
    mutate: editStory((story) => Object.assign(photo(story), { size: "large" })),
    expected: [[STORY, "$.photo.size", 'unknown field "size"']],
  },
  {
    name: "unknown field in a block",
    mutate: editStory((story) => Object.assign(block(story, 0), { style: "bold" })),
    expected: [[STORY, "$.body[0].style", 'unknown field "style"; expected only "type", "text"']],
  },
  {
    name: "unknown block type",
    mutate: editStory((story) => Object.assign(block(story, 1), { type: "video" })),
    expected: [
      [
        STORY,
        "$.body[1].type",
        'unknown block type "video"; expected one of "paragraph", "heading", "quote", "photo", "list"',
      ],
    ],
  },
  {
    name: "block without a type",
    mutate: editStory((story) => delete block(story, 0).type),
    expected: [[STORY, "$.body[0].type", "required field is missing; expected one of"]],
  },
  {
    name: "empty text",
    mutate: editStory((story) => Object.assign(story, { headline: "   " })),
    expected: [[STORY, "$.headline", "must not be empty"]],
  },
  {
    name: "text too long",
    mutate: editStory((story) => Object.assign(story, { headline: "x".repeat(201) })),
    expected: [[STORY, "$.headline", "must be at most 200 characters (it has 201)"]],
  },
  {
    name: "no body blocks",
    mutate: editStory((story) => Object.assign(story, { body: [] })),
    expected: [[STORY, "$.body", "must have at least one block"]],
  },
  {
    name: "list without items",
    mutate: editStory((story) => Object.assign(block(story, 3), { items: [] })),
    expected: [[STORY, "$.body[3].items", "must have at least one item"]],
  },
  {
    name: "bad language tag",
    mutate: editStory((story) => Object.assign(story, { lang: "english language" })),
    expected: [[STORY, "$.lang", 'must be a BCP 47 language tag such as en or fa; got "english']],
  },
  {
    name: "zero pixels",
    mutate: editStory((story) => Object.assign(photo(story), { height: 0 })),
    expected: [[STORY, "$.photo.height", "must be a positive number of pixels; got 0"]],
  },

  // Ids and file names.
  {
    name: "invalid id",
    mutate: editStory((story) => Object.assign(story, { id: "First_Story" })),
    expected: [
      [STORY, "$.id", 'must be lowercase letters and digits joined by single hyphens; got "First_'],
    ],
  },
  {
    name: "id differs from its file name",
    mutate: editStory((story) => Object.assign(story, { id: "other-story" })),
    expected: [
      [
        STORY,
        "$.id",
        'id "other-story" does not match the file name "first-story.json"; expected "first-story"',
      ],
    ],
  },
  {
    name: "file name is not <id>.json",
    mutate: (f) => rename(f.at(STORY), f.at("stories/First Story.json")),
    expected: [
      [
        "stories/First Story.json",
        "$",
        'file name "First Story.json" is not <id>.json; expected lowercase letters, digits and single hyphens ending in .json, such as "first-story.json"',
      ],
    ],
  },
  {
    name: "file name with an upper-case extension",
    mutate: (f) => rename(f.at(STORY), f.at("stories/first-story.JSON")),
    expected: [["stories/first-story.JSON", "$", 'file name "first-story.JSON" is not <id>.json']],
  },
  {
    name: "duplicate id across files",
    mutate: (f) => f.writeJson("stories/second-story.json", storyJson("first-story")),
    expected: [
      ["stories/second-story.json", "$.id", 'id "first-story" does not match the file name'],
      [
        "stories/second-story.json",
        "$.id",
        'duplicate id "first-story", also used by {dir}/stories/first-story.json',
      ],
    ],
  },

  // Topics referenced by stories.
  {
    name: "unknown topic",
    mutate: editStory((story) => Object.assign(story, { topics: ["iran", "sport"] })),
    expected: [
      [
        STORY,
        "$.topics[1]",
        'unknown topic "sport"; expected one of the slugs in topics.json: "iran", "world", "science"',
      ],
    ],
  },
  {
    name: "topic listed twice",
    mutate: editStory((story) => Object.assign(story, { topics: ["iran", "iran"] })),
    expected: [[STORY, "$.topics[1]", 'topic "iran" is listed twice']],
  },
  {
    name: "no topics",
    mutate: editStory((story) => Object.assign(story, { topics: [] })),
    expected: [[STORY, "$.topics", "must name at least one topic"]],
  },

  // Dates.
  {
    name: "bad date",
    mutate: editStory((story) => Object.assign(story, { publishedAt: "17 September 2024" })),
    expected: [
      [
        STORY,
        "$.publishedAt",
        'must be an ISO 8601 date-time with an offset, e.g. 2024-09-17T10:30:00Z; got "17 September 2024"',
      ],
    ],
  },
  {
    name: "impossible date",
    mutate: editStory((story) => Object.assign(story, { publishedAt: "2024-02-30T10:00:00Z" })),
    expected: [[STORY, "$.publishedAt", "must be an ISO 8601 date-time"]],
  },
  {
    name: "date without an offset",
    mutate: editStory((story) => Object.assign(story, { publishedAt: "2024-09-17T10:30:00" })),
    expected: [[STORY, "$.publishedAt", "must be an ISO 8601 date-time with an offset"]],
  },
  {
    name: "updatedAt before publishedAt",
    mutate: editStory((story) => Object.assign(story, { updatedAt: "2024-09-17T10:29:59Z" })),
    expected: [[STORY, "$.updatedAt", "must not be before publishedAt (2024-09-17T10:30:00Z)"]],
  },
  {
    name: "updatedAt before publishedAt, reported beside a type error",
    mutate: editStory((story) =>
      Object.assign(story, { headline: 1, updatedAt: "2024-09-16T10:30:00Z" }),
    ),
    expected: [
      [STORY, "$.headline", "expected string, got number"],
      [STORY, "$.updatedAt", "must not be before publishedAt"],
    ],
  },

  // Images.
  {
    name: "image file does not exist",
    mutate: setPhotoSrc("images/missing.jpg"),
    expected: [[STORY, "$.photo.src", "image file not found: {dir}/images/missing.jpg"]],
  },
  {
    name: "image in a photo block does not exist",
    mutate: (f) => f.remove("images/inline.png"),
    expected: [[STORY, "$.body[2].photo.src", "image file not found: {dir}/images/inline.png"]],
  },
  {
    name: "image width differs from the file",
    mutate: editStory((story) => Object.assign(photo(story), { width: 41 })),
    expected: [
      [
        STORY,
        "$.photo.width",
        "image {dir}/images/lead.jpg is 40x30 pixels, but width and height say 41x30; expected width 40 and height 30",
      ],
    ],
  },
  {
    name: "image height differs from the file",
    mutate: editStory((story) => Object.assign(block(story, 2).photo as StoryJson, { height: 11 })),
    expected: [
      [STORY, "$.body[2].photo.height", "is 20x10 pixels, but width and height say 20x11"],
    ],
  },
  {
    name: "image size honours EXIF orientation",
    mutate: async (f) => {
      await f.writeText("images/rotated.jpg", await imageBytes(40, 30, "jpeg", 6));
      await setPhotoSrc("images/rotated.jpg")(f);
    },
    expected: [
      [
        STORY,
        "$.photo.width",
        "is 30x40 pixels as displayed (after its EXIF rotation), but width and height say 40x30",
      ],
    ],
  },
  {
    name: "image file is not an image",
    mutate: (f) => f.writeText("images/lead.jpg", "not really a jpeg"),
    expected: [[STORY, "$.photo.src", "could not read {dir}/images/lead.jpg as an image"]],
  },
  {
    name: "image src is a folder",
    mutate: async (f) => {
      await mkdir(f.at("images/folder.jpg"));
      await setPhotoSrc("images/folder.jpg")(f);
    },
    expected: [
      [
        STORY,
        "$.photo.src",
        "{dir}/images/folder.jpg is a folder, not a regular file; expected a .jpg, .png, .webp or .avif file",
      ],
    ],
  },
  {
    name: "image src is absolute",
    mutate: setPhotoSrc("/images/lead.jpg"),
    expected: [
      [
        STORY,
        "$.photo.src",
        'must be relative to the data folder, not absolute ("/images/lead.jpg")',
      ],
    ],
  },
  {
    name: "image src is remote",
    mutate: setPhotoSrc("https://example.com/lead.jpg"),
    expected: [[STORY, "$.photo.src", "must be a path inside the data folder, not a URL"]],
  },
  {
    name: "image src is a javascript: URL",
    mutate: setPhotoSrc("javascript:alert(1)"),
    expected: [[STORY, "$.photo.src", "must be a path inside the data folder, not a URL"]],
  },
  {
    name: "image src leaves the data folder",
    mutate: setPhotoSrc("../secret.jpg"),
    expected: [[STORY, "$.photo.src", 'must stay inside the data folder (no "." or ".." segments']],
  },
  {
    name: "image src climbs out through a subfolder",
    mutate: setPhotoSrc("images/../../secret.jpg"),
    expected: [[STORY, "$.photo.src", "must stay inside the data folder"]],
  },

  // topics.json.
  {
    name: "topics.json is invalid JSON",
    mutate: (f) => f.writeText("topics.json", '[{"slug": "iran", "name": "Iran"},]'),
    expected: [
      ["topics.json", "$", 'invalid JSON at line 1, column 34: trailing comma before "]"'],
    ],
  },
  {
    name: "topics.json is not a list",
    mutate: (f) => f.writeJson("topics.json", { iran: "Iran" }),
    expected: [["topics.json", "$", "expected array, got object"]],
  },
  {
    name: "topics.json is empty",
    mutate: (f) => f.writeJson("topics.json", []),
    expected: [["topics.json", "$", "must list at least one topic"]],
  },
  {
    name: "topic without a name",
    mutate: editTopics((topics) => delete (topics[1] as StoryJson).name),
    expected: [["topics.json", "$[1].name", "required field is missing"]],
  },
  {
    name: "topic with an unknown field",
    mutate: editTopics((topics) => Object.assign(topics[0] as StoryJson, { colour: "red" })),
    expected: [
      ["topics.json", "$[0].colour", 'unknown field "colour"; expected only "slug", "name"'],
    ],
  },
  {
    name: "topic with an invalid slug",
    mutate: editTopics((topics) => Object.assign(topics[1] as StoryJson, { slug: "The World" })),
    expected: [["topics.json", "$[1].slug", "must be lowercase letters and digits"]],
  },
  {
    name: "duplicate topic slugs",
    mutate: editTopics((topics) => topics.push({ slug: "iran", name: "Iran again" })),
    expected: [["topics.json", "$[3].slug", 'duplicate topic slug "iran", already used at $[0]']],
  },
  {
    name: "topic slug that would clash with the Breaking News feed",
    mutate: editTopics((topics) => topics.push({ slug: "breaking-news", name: "Breaking" })),
    expected: [["topics.json", "$[3].slug", '"breaking-news" is reserved']],
  },
];

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
