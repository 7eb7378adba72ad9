import { mkdir, rename } from "node:fs/promises";
import {
  block,
  type Case,
  editStory,
  editTopics,
  photo,
  STORY,
  setPhotoSrc,
} from "./bad-content-cases.ts";
import { imageBytes, type StoryJson, storyJson } from "./test-fixture.ts";

/** Bad content that refers to something (ids, topics, dates, images), for load-content.test.ts. */
export const badReferenceCases: Case[] = [
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
