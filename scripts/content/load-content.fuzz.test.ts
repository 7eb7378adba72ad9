import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storySchema } from "../../src/content/schema.ts";
import { type ContentError, formatContentError, jsonPath } from "./content-error.ts";
import { loadContent } from "./load-content.ts";
import {
  createFixture,
  FIXTURE_TOPICS,
  type Fixture,
  INLINE_IMAGE,
  LEAD_IMAGE,
  type StoryJson,
  storyJson,
} from "./test-fixture.ts";

/**
 * The content checker under fuzzing: random and mutated story files, fed through the same
 * loadContent the build and `content:check` use. Properties:
 *   1. whatever the file holds, loadContent never throws, and every problem it reports is one
 *      `<file>: <json path>: <message>` line about that file;
 *   2. an edit known to break the contract is always reported, at the path an editor has to fix;
 *   3. an edit that keeps the story valid is accepted without a single line.
 * fast-check prints the seed and the shrunk input of any failure, so a failure can be replayed.
 */

const STORY = "stories/first-story.json";
const VALID = storyJson("first-story");
const VALID_TEXT = `${JSON.stringify(VALID, null, 2)}\n`;
const RUNS = { any: 300, invalid: 300, valid: 150 };
// Replays a failure: FUZZ_SEED=<seed from the report> npx vitest run load-content.fuzz
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

type Segment = string | number;
type Path = Segment[];
type Edit = (story: StoryJson) => void;

// A data folder per test: a property that overran its time can never write into another's.
let fixture: Fixture;
let storyFile: string;
beforeEach(async () => {
  fixture = await createFixture({ stories: [VALID] });
  storyFile = fixture.at(STORY);
});
afterEach(() => fixture.cleanup());
/** Hundreds of runs each read a folder and two images: room for a slow, shared CI machine. */
const TIMEOUT_MS = 60_000;

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

const edited = (edits: Edit[]): StoryJson => {
  const story = structuredClone(VALID);
  for (const edit of edits) edit(story);
  return story;
};
const asFile = (story: unknown) => `${JSON.stringify(story, null, 2)}\n`;

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

// ---- The checker, and what its output must look like ----------------------------------------

async function check(contents: string | Uint8Array) {
  await fixture.writeText(STORY, Buffer.from(contents));
  return loadContent(fixture.dir);
}

/** `$`, then `.name`, `[0]` or `["any key"]` segments, as jsonPath writes them. */
const JSON_PATH = /^\$(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\\n\r]|\\.)*"\])*$/;

function expectWellFormed(errors: ContentError[]) {
  for (const error of errors) {
    const line = formatContentError(error);
    expect(error.file, line).toBe(storyFile);
    expect(error.path, line).toMatch(JSON_PATH);
    expect(error.message.trim(), line).not.toBe("");
    // One line per problem: nothing in a message may start another line.
    expect(line, JSON.stringify(line)).toMatch(
      new RegExp(`^${escapeRegExp(storyFile)}: \\$[^\\n\\r]*: [^\\n\\r]+$`),
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

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
const anyEdit: fc.Arbitrary<Edit> = fc.oneof(
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

const anyFile: fc.Arbitrary<string | Uint8Array> = fc.oneof(
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

const invalidEdit: fc.Arbitrary<Breakage> = fc.oneof(
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
const textEdit: fc.Arbitrary<Edit> = fc
  .tuple(textField, validText)
  .map(([[at], text]) => setEdit(at, text));
const validEdit: fc.Arbitrary<Edit> = fc.oneof(
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
const reorderBody: fc.Arbitrary<Edit> = fc
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

// ---- Properties -----------------------------------------------------------------------------

describe("the content checker under fuzzing", () => {
  it(
    "never throws, and explains every rejected file in well-formed lines",
    async () => {
      await fc.assert(
        fc.asyncProperty(anyFile, async (contents) => {
          const result = await check(contents);
          // The checker's own reading of the file, to know what it must not let through.
          let text = await readFile(storyFile, "utf8");
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          let data: unknown;
          let parses = true;
          try {
            data = JSON.parse(text);
          } catch {
            parses = false;
          }
          if (!parses || !storySchema.safeParse(data).success) expect(result.ok).toBe(false);
          if (!parses && !result.ok) {
            expect(result.errors.map(formatContentError)).toContainEqual(
              expect.stringMatching(/: \$: invalid JSON at line \d+, column \d+: /),
            );
          }
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            expectWellFormed(result.errors);
          }
        }),
        { numRuns: RUNS.any },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "reports every edit that breaks the contract, at the path to fix",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(textEdit, { maxLength: 3 }),
          invalidEdit,
          async (valid, broken) => {
            const result = await check(asFile(edited([...valid, broken.edit])));
            expect(result.ok).toBe(false);
            if (result.ok) return;
            expectWellFormed(result.errors);
            const atPath = result.errors.filter((error) => error.path === broken.at);
            expect(atPath, result.errors.map(formatContentError).join("\n")).not.toEqual([]);
            if (broken.message)
              expect(atPath.map((error) => error.message).join("\n")).toMatch(broken.message);
          },
        ),
        { numRuns: RUNS.invalid },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "reports a file cut short as invalid JSON at the place it ends",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(VALID_TEXT.trimEnd().length - 1), async (end) => {
          const result = await check(VALID_TEXT.slice(0, end));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.errors.map(formatContentError)).toEqual([
            expect.stringMatching(
              new RegExp(
                `^${escapeRegExp(storyFile)}: \\$: invalid JSON at line \\d+, column \\d+: `,
              ),
            ),
          ]);
        }),
        { numRuns: 50 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "accepts every edit that keeps the story valid, without a single line",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(validEdit, { minLength: 1, maxLength: 5 }),
          fc.option(reorderBody, { nil: undefined }),
          async (edits, reorder) => {
            const result = await check(asFile(edited(reorder ? [...edits, reorder] : edits)));
            expect(result.ok ? [] : result.errors.map(formatContentError)).toEqual([]);
            expect(result.warnings).toEqual([]);
          },
        ),
        { numRuns: RUNS.valid },
      );
    },
    TIMEOUT_MS,
  );
});
