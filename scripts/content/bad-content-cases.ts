import { mkdir } from "node:fs/promises";
import { type Fixture, type StoryJson, storyJson } from "./test-fixture.ts";

/**
 * Bad content and the one line loadContent must report for each problem
 * (load-content.test.ts runs them): the data folder, JSON syntax and the schema here; ids,
 * topics, dates, images and topics.json in bad-reference-cases.ts.
 */

export const STORY = "stories/first-story.json";

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type Mutation = (fixture: Fixture) => Promise<void>;
/** [file relative to the data folder ("" for the folder itself), JSON path, message part]. */
export type ExpectedLine = [file: string, path: string, message: string];
export type Case = { name: string; mutate: Mutation; expected: ExpectedLine[] };

export const editStory =
  (change: (story: StoryJson) => void): Mutation =>
  (fixture) =>
    fixture.editJson(STORY, change);
export const editTopics =
  (change: (topics: StoryJson[]) => void): Mutation =>
  (fixture) =>
    fixture.editJson("topics.json", (json) => change(json as unknown as StoryJson[]));
export const writeStoryText =
  (text: string): Mutation =>
  (fixture) =>
    fixture.writeText(STORY, text);
export const photo = (story: StoryJson) => story.photo as StoryJson;
export const block = (story: StoryJson, index: number) =>
  (story.body as StoryJson[])[index] as StoryJson;
export const setPhotoSrc = (src: string) =>
  editStory((story) => Object.assign(photo(story), { src }));

export const badFileCases: Case[] = [
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
];

export const badSchemaCases: Case[] = [
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
];
