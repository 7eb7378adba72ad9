import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isContentId } from "../../src/content/content-id.ts";
import { type Block, storySchema } from "../../src/content/schema.ts";
import { readFeed } from "./feed-items.ts";
import { htmlToBlocks } from "./html-blocks.ts";
import { type StoryContext, storyFromItem } from "./story-from-item.ts";

/**
 * The item -> story path under fuzzing, with text nobody here wrote: arbitrary Unicode,
 * fragments of markup (the build's own markers among them), very long words and runs of
 * <br>. Properties:
 *   1. an RSS item made of such text is read, and becomes a story that passes the schema,
 *      or is refused only for having no text at all;
 *   2. the blocks of any HTML become story blocks that pass the schema and keep every
 *      character of text but white space (long paragraphs and quotes are split, not cut).
 * fast-check prints the seed and the shrunk input of any failure, so it can be replayed.
 */

const RUNS = { feed: 100, blocks: 200 };
// Replays a failure: FUZZ_SEED=<seed from the report> npx vitest run story-from-item.fuzz
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

const NOW = new Date("2026-01-01T00:00:00Z");
const context: StoryContext = {
  topics: ["world"],
  source: "Wire",
  feedKey: "https://wire.example/",
  feedDate: undefined,
  now: NOW,
};

const fragment = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "<p>",
    "</p>",
    "<br>",
    "<br><br>",
    "<div>",
    "</div>",
    "<blockquote>",
    "</blockquote>",
    "<cite>",
    "<ul><li>",
    "</li></ul>",
    "<h2>",
    "</h2>",
    "<span>",
    "<script>alert(1)</script>",
    '<article data-pagefind-body id="root">',
    "</article>",
    "<!--",
    "-->",
    "]]>",
    "&amp;",
    "&lt;b&gt;",
    "\u2028",
    " ",
    ". ",
  ),
  // A very long word, or a long run of words, past every limit of the schema.
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 100, max: 3000 }))
    .map(([word, times]) => word.repeat(times)),
  fc.integer({ min: 100, max: 3000 }).map((times) => "word ".repeat(times)),
);
const markup = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(""));

/** Characters XML 1.0 cannot carry at all: a feed cannot hold them, so neither does the test. */
const xmlText = (text: string) =>
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

const visible = (text: string) => text.replace(/\s+/g, "");
const textOfBlocks = (blocks: Block[]) =>
  blocks
    .map((block) =>
      block.type === "list" ? block.items.join("") : "text" in block ? block.text : "",
    )
    .join("");

describe("item -> story, fuzzed", () => {
  it("reads any text in an RSS item and makes a valid story of it, or says it has no text", () => {
    fc.assert(
      fc.property(
        markup,
        markup,
        markup,
        fc.option(fc.date({ min: new Date("1990-01-01"), max: NOW, noInvalidDate: true })),
        (title, description, encoded, date) => {
          const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Wire</title><link>https://wire.example/</link>
<item><title>${xmlText(title)}</title><guid>${xmlText(title.slice(0, 50))}</guid>
${date ? `<pubDate>${date.toUTCString()}</pubDate>` : ""}
<description>${xmlText(description)}</description>
<content:encoded>${xmlText(encoded)}</content:encoded></item></channel></rss>`;
          const read = readFeed(xml);
          if (!read.ok) throw new Error(read.message);
          const [item] = read.feed.items;
          // feedsmith leaves out an item whose every element is empty.
          if (!item) {
            expect(visible(xmlText(title + description + encoded))).toBe("");
            return;
          }
          const draft = storyFromItem(item, context);
          if (!draft.ok) {
            expect(draft.message).toMatch(/^has no title and no text/);
            expect(item.title + item.summary + textOfBlocks(item.body)).toBe("");
            return;
          }
          const parsed = storySchema.safeParse(draft.story);
          expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
          expect(isContentId(draft.story.id)).toBe(true);
        },
      ),
      { numRuns: RUNS.feed },
    );
  }, 60_000);

  it("keeps every character of any HTML's text in blocks the schema allows", () => {
    fc.assert(
      fc.property(markup, (html) => {
        const blocks = htmlToBlocks(html);
        const draft = storyFromItem(
          { n: 1, title: "Fuzz", summary: "", body: blocks, guid: "fuzz", authors: [] },
          context,
        );
        if (!draft.ok) throw new Error(draft.message);
        const parsed = storySchema.safeParse(draft.story);
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
        // List items over 2,000 characters are cut; everything else is kept whole.
        const cut = blocks.some(
          (block) => block.type === "list" && block.items.some((item) => item.length > 2000),
        );
        if (!cut && blocks.length > 0)
          expect(visible(textOfBlocks(draft.story.body))).toBe(visible(textOfBlocks(blocks)));
      }),
      { numRuns: RUNS.blocks },
    );
  }, 60_000);
});
