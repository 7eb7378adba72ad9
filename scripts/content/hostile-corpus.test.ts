import { beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_DATA_DIR, HOSTILE_ENTRIES } from "../../e2e/fixtures/hostile-corpus.ts";
import { formatContentError } from "./content-error.ts";
import { loadContent } from "./load-content.ts";

/**
 * The hostile corpus is real content: it passes the same checks as the newsroom's, matches
 * the module the end-to-end tests read their expectations from, and has a payload in every
 * text field.
 */

/** Fields that are not free text: identifiers, dates, paths, sizes, flags. */
const NOT_TEXT = new Set([
  "id",
  "slug",
  "topics",
  "publishedAt",
  "updatedAt",
  "lang",
  "src",
  "type",
]);

function textLeaves(value: unknown, at = "$"): [string, string][] {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => textLeaves(item, `${at}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      NOT_TEXT.has(key) ? [] : textLeaves(item, `${at}.${key}`),
    );
  }
  return [];
}

describe("the hostile corpus", () => {
  let result: Awaited<ReturnType<typeof loadContent>>;
  beforeAll(async () => {
    result = await loadContent(HOSTILE_DATA_DIR);
  });

  it("passes the content check", () => {
    expect(result.ok ? [] : result.errors.map(formatContentError)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("is exactly what hostile-corpus.ts describes (run make-hostile-data.ts after editing it)", () => {
    if (!result.ok) throw new Error("the corpus does not load");
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const { content } = result;
    expect(content.cards.map((card) => content.story(card)).toSorted(byId)).toEqual(
      HOSTILE_ENTRIES.map((entry) => entry.story).toSorted(byId),
    );
    expect(result.content.topics).toEqual(HOSTILE_ENTRIES.map((entry) => entry.topic));
  });

  it("has its payload in every text field of every story and topic", () => {
    for (const { payload, story, topic } of HOSTILE_ENTRIES) {
      const leaves = [...textLeaves(story), ...textLeaves(topic, "$topic")];
      // headline, summary, byline, source, dateline, 2 photos x 3, 6 blocks' texts, cite, 2 items
      expect(leaves.length).toBeGreaterThanOrEqual(19);
      for (const [at, text] of leaves) expect(text, `${story.id} ${at}`).toContain(payload.text);
    }
  });
});
