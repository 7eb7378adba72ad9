import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storySchema } from "../../src/content/schema.ts";
import { escapeRegExp } from "./bad-content-cases.ts";
import { type ContentError, formatContentError } from "./content-error.ts";
import { loadContent } from "./load-content.ts";
import {
  anyFile,
  asFile,
  edited,
  invalidEdit,
  reorderBody,
  textEdit,
  VALID,
  VALID_TEXT,
  validEdit,
} from "./story-edit-arbitraries.ts";
import { createFixture, type Fixture } from "./test-fixture.ts";

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
const RUNS = { any: 300, invalid: 300, valid: 150 };
// Replays a failure: FUZZ_SEED=<seed from the report> npx vitest run load-content.fuzz
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

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
