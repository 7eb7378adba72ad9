import fc from "fast-check";
import { storySchema } from "../../src/content/schema.ts";
import { jsonPath } from "./content-error.ts";
import {
  FIXTURE_TOPICS,
  INLINE_IMAGE,
  LEAD_IMAGE,
  type StoryJson,
  storyJson,
} from "./test-fixture.ts";

/**
 * The edits load-content.fuzz.test.ts makes to a valid story file, as fast-check arbitraries:
 * any edit at all (anyEdit, anyFile), an edit known to break the contract with the path it
 * must be reported at (invalidEdit), and edits that keep the story valid (validEdit, textEdit,
 * reorderBody).
 */

export const VALID = storyJson("first-story");
export const VALID_TEXT = `${JSON.stringify(VALID, null, 2)}\n`;

type Segment = string | number;
export type Path = Segment[];
export type Edit = (story: StoryJson) => void;

// ---- Editing JSON by path -------------------------------------------------------------------

const isContainer = (value: unknown): value is Record<Segment, unknown> =>
  value !== null && typeof value === "object";

function parentOf(root: unknown, path: Path): Record<Segment, unknown> | undefined {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (!isContainer(node)) return undefined;
    node = node[segment];
  }
  return isContainer(node) ? node : undefined;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = parentOf(root, path);
  const key = path.at(-1);
  // defineProperty, not assignment: a key such as "__proto__" must become a real field.
  if (parent && key !== undefined)
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function deleteAt(root: unknown, path: Path): void {
  const parent = parentOf(root, path);
  const key = path.at(-1);
  if (!parent || key === undefined) return;
  if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else delete parent[key];
}

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (!isContainer(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...at, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

export const edited = (edits: Edit[]): StoryJson => {
  const story = structuredClone(VALID);
  for (const edit of edits) edit(story);
  return story;
};
export const asFile = (story: unknown) => `${JSON.stringify(story, null, 2)}\n`;

/** An edit that prints as what it does, so a shrunk counterexample reads as a recipe. */
function describedEdit(description: string, apply: (story: StoryJson) => void): Edit {
  return Object.assign(apply, { [fc.toStringMethod]: () => description });
}
const setEdit = (path: Path, value: unknown): Edit =>
  describedEdit(`set ${jsonPath(path)} = ${fc.stringify(value)}`, (story) =>
    setAt(story, path, value),
  );
const deleteEdit = (path: Path): Edit =>
  describedEdit(`delete ${jsonPath(path)}`, (story) => deleteAt(story, path));

// ---- Arbitraries ----------------------------------------------------------------------------

const anyText = fc.string({ unit: "binary", maxLength: 40 });
const anyPath = fc.constantFrom(...pathsOf(VALID));
const objectPaths: Path[] = [
  [],
  ...pathsOf(VALID).filter((path) => {
    const parent = parentOf(VALID, [...path, "x"]);
    return parent !== undefined && !Array.isArray(parent);
  }),
];

/** Any structural edit: validity unknown. */
export const anyEdit: fc.Arbitrary<Edit> = fc.oneof(
  anyPath.map(deleteEdit),
  fc.tuple(anyPath, fc.jsonValue()).map(([path, value]) => setEdit(path, value)),
  fc.tuple(anyPath, anyText).map(([path, value]) => setEdit(path, value)),
  fc
    .tuple(
      fc.constantFrom<Path>(
        ["id"],
        ["publishedAt"],
        ["updatedAt"],
        ["lang"],
        ["photo", "src"],
        ["body", 2, "photo", "src"],
      ),
      anyText,
    )
    .map(([path, value]) => setEdit(path, value)),
  fc
    .tuple(
      fc.constantFrom(...objectPaths),
      fc.oneof(
        anyText,
        fc.constantFrom("__proto__", "constructor", "lang", "updatedAt", "ordered"),
      ),
      fc.jsonValue(),
    )
    .map(([path, key, value]) => setEdit([...path, key], value)),
);

export const anyFile: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(anyEdit, { minLength: 1, maxLength: 4 })
      .map((edits) => asFile(edited(edits))),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary" }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.nat(VALID_TEXT.length - 3).map((end) => VALID_TEXT.slice(0, end)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(VALID_TEXT.length), anyText)
      .map(([at, inserted]) => VALID_TEXT.slice(0, at) + inserted + VALID_TEXT.slice(at)),
  },
);

/** Free-text fields, with the schema's maximum length. */
const TEXT_FIELDS: [Path, number][] = [
  [["headline"], 200],
  [["summary"], 400],
  [["byline"], 200],
  [["source"], 100],
  [["dateline"], 100],
  [["photo", "alt"], 500],
  [["photo", "caption"], 1000],
  [["photo", "credit"], 200],
  [["body", 0, "text"], 10_000],
  [["body", 1, "text"], 5_000],
  [["body", 1, "cite"], 200],
  [["body", 2, "photo", "alt"], 500],
  [["body", 2, "photo", "caption"], 1000],
  [["body", 3, "items", 0], 2_000],
  [["body", 4, "text"], 200],
];
const textField = fc.constantFrom(...TEXT_FIELDS);
const validText = fc
  .string({ unit: "binary", minLength: 1, maxLength: 100 })
  .filter((text) => text.trim().length > 0);

type Kind = "string" | "array" | "object" | "boolean" | "pixels";
const TYPED_FIELDS: [Path, Kind][] = [
  ...TEXT_FIELDS.map(([path]): [Path, Kind] => [path, "string"]),
  [["id"], "string"],
  [["publishedAt"], "string"],
  [["updatedAt"], "string"],
  [["lang"], "string"],
  [["topics"], "array"],
  [["topics", 0], "string"],
  [["body"], "array"],
  [["body", 3, "items"], "array"],
  [["photo"], "object"],
  [["body", 2, "photo"], "object"],
  [["photo", "src"], "string"],
  [["breaking"], "boolean"],
  [["specialReport"], "boolean"],
  [["sample"], "boolean"],
  [["body", 3, "ordered"], "boolean"],
  [["photo", "width"], "pixels"],
  [["photo", "height"], "pixels"],
  [["body", 2, "photo", "width"], "pixels"],
];
function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === "array") return Array.isArray(value);
  if (kind === "object") return isContainer(value) && !Array.isArray(value);
  if (kind === "pixels") return Number.isSafeInteger(value) && (value as number) > 0;
  return typeof value === kind;
}

const REQUIRED: Path[] = [
  ["id"],
  ["headline"],
  ["summary"],
  ["topics"],
  ["publishedAt"],
  ["body"],
  ["photo", "src"],
  ["photo", "alt"],
  ["photo", "width"],
  ["photo", "height"],
  ["body", 0, "text"],
  ["body", 1, "text"],
  ["body", 2, "photo"],
  ["body", 2, "photo", "alt"],
  ["body", 3, "items"],
  ["body", 4, "text"],
];
const ALLOWED_FIELDS: Record<string, string[]> = {
  "": Object.keys(storySchema.shape),
  photo: ["src", "alt", "caption", "credit", "width", "height"],
  "body.0": ["type", "text"],
  "body.1": ["type", "text", "cite"],
  "body.2": ["type", "photo"],
  "body.2.photo": ["src", "alt", "caption", "credit", "width", "height"],
  "body.3": ["type", "ordered", "items"],
  "body.4": ["type", "text"],
};
const isDateTime = (text: string) => storySchema.shape.publishedAt.safeParse(text).success;
const whitespace = fc
  .array(fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff"), {
    maxLength: 6,
  })
  .map((chars) => chars.join(""));

/** An edit that breaks the contract, and the path the checker must point at. */
type Breakage = { edit: Edit; at: string; message?: RegExp };
const breakage = (at: Path, edit: Edit, message?: RegExp): Breakage => ({
  edit,
  at: jsonPath(at),
  message,
});
const put = (at: Path, value: unknown) => breakage(at, setEdit(at, value));

export const invalidEdit: fc.Arbitrary<Breakage> = fc.oneof(
  fc.constantFrom(...REQUIRED).map((at) => breakage(at, deleteEdit(at), /required/)),
  fc.constantFrom(...TYPED_FIELDS).chain(([at, kind]) =>
    fc
      .jsonValue()
      .filter((value) => !hasKind(value, kind))
      .map((value) => put(at, value)),
  ),
  fc.constantFrom(...Object.keys(ALLOWED_FIELDS)).chain((object) => {
    const at: Path =
      object === "" ? [] : object.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const allowed = ALLOWED_FIELDS[object] ?? [];
    return fc
      .oneof(
        fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
        fc.constantFrom("__proto__", "constructor", "Headline", "tpoics"),
      )
      .filter((key) => !allowed.includes(key))
      .map((key) => put([...at, key], true));
  }),
  anyText.filter((id) => id !== "first-story").map((id) => put(["id"], id)),
  fc
    .tuple(
      fc.constantFrom<Path>(["publishedAt"], ["updatedAt"]),
      anyText.filter((text) => !isDateTime(text)),
    )
    .map(([at, text]) => put(at, text)),
  fc
    .date({
      min: new Date("1900-01-01"),
      max: new Date("2024-09-17T10:29:59Z"),
      noInvalidDate: true,
    })
    .map((date) =>
      breakage(["updatedAt"], setEdit(["updatedAt"], date.toISOString()), /before publishedAt/),
    ),
  fc
    .tuple(
      fc.constantFrom<Path>(["photo", "src"], ["body", 2, "photo", "src"]),
      anyText.filter((src) => src !== LEAD_IMAGE.src && src !== INLINE_IMAGE.src),
    )
    .map(([at, src]) => put(at, src)),
  fc.tuple(textField, whitespace).map(([[at], blank]) => put(at, blank)),
  fc.tuple(textField, validText).map(([[at, max], tail]) => put(at, `y${"x".repeat(max)}${tail}`)),
  fc.constantFrom<Path>(["topics"], ["body"], ["body", 3, "items"]).map((at) => put(at, [])),
  anyText
    .filter((slug) => !FIXTURE_TOPICS.some((topic) => topic.slug === slug))
    .map((slug) => put(["topics", 0], slug)),
  fc.constant(breakage(["topics", 1], setEdit(["topics"], ["iran", "iran"]), /twice/)),
  fc
    .tuple(
      fc.nat(4),
      anyText.filter((type) => !["paragraph", "heading", "quote", "photo", "list"].includes(type)),
    )
    .map(([index, type]) => put(["body", index, "type"], type)),
  fc
    .integer({ min: 1, max: 100_000 })
    .filter((width) => width !== LEAD_IMAGE.width)
    .map((width) => put(["photo", "width"], width)),
  anyText
    .filter((lang) => !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang))
    .map((lang) => put(["lang"], lang)),
);

/** Edits that keep the story valid. */
export const textEdit: fc.Arbitrary<Edit> = fc
  .tuple(textField, validText)
  .map(([[at], text]) => setEdit(at, text));
export const validEdit: fc.Arbitrary<Edit> = fc.oneof(
  textEdit,
  fc
    .constantFrom<Path>(
      ["byline"],
      ["photo"],
      ["photo", "caption"],
      ["photo", "credit"],
      ["body", 1, "cite"],
      ["body", 3, "ordered"],
    )
    .map(deleteEdit),
  fc
    .tuple(
      fc.constantFrom<Path>(["breaking"], ["specialReport"], ["sample"], ["body", 3, "ordered"]),
      fc.boolean(),
    )
    .map(([at, flag]) => setEdit(at, flag)),
  fc
    .constantFrom("en", "fa", "ar", "pt-BR", "zh-Hant-TW", "EN")
    .map((lang) => setEdit(["lang"], lang)),
  fc
    .tuple(
      fc.date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
      // Minutes after publication, up to ten years.
      fc.option(fc.nat(10 * 365 * 24 * 60), { nil: undefined }),
      fc.constantFrom("Z", "+00:00"),
    )
    .map(([published, later, zone]) => {
      const iso = (date: Date) => date.toISOString().replace("Z", zone);
      const dates = {
        publishedAt: iso(published),
        updatedAt:
          later === undefined ? undefined : iso(new Date(published.getTime() + later * 60_000)),
      };
      return describedEdit(`set dates ${fc.stringify(dates)}`, (story) => {
        story.publishedAt = dates.publishedAt;
        if (dates.updatedAt === undefined) delete story.updatedAt;
        else story.updatedAt = dates.updatedAt;
      });
    }),
);
/** Drops and reorders body blocks; applied after the edits above, whose paths it moves. */
export const reorderBody: fc.Arbitrary<Edit> = fc
  .shuffledSubarray(
    (VALID.body as unknown[]).map((_, index) => index),
    { minLength: 1 },
  )
  .map((order) =>
    describedEdit(`reorder body as ${fc.stringify(order)}`, (story) => {
      const body = story.body as unknown[];
      story.body = order.map((index) => body[index]);
    }),
  );
