import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { type DefaultTreeAdapterTypes, parse } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "./build-harness.ts";
import { FIXTURE_TOPICS, imageBytes } from "./content/test-fixture.ts";

/**
 * No story text can break a build or a page. Each run builds a corpus of STORIES stories whose
 * every text field is drawn from arbitrary Unicode, markup, the markers the build itself finds
 * in its pages and very long words, with `npm run build` as CI runs it; then every story page
 * is parsed (parse5, as a browser would) and must show each text in the one article
 * the search index reads, with one `#root`. RUNS builds of STORIES stories: a build takes a
 * few seconds once Vite's output is cached (the first run builds it).
 */

const RUNS = 4;
const STORIES = 12;
// Replays a failure: FUZZ_SEED=<seed from the report> npm run test:crash -- story-text
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** What the build finds in its own pages, and what ends or opens their other parts. */
const MARKUP = [
  "data-pagefind-body",
  '<article data-pagefind-body="">',
  'data-pagefind-meta="date:x"',
  'id="root"',
  '<div id="root">',
  "</article>",
  "<article>",
  "<!--",
  "-->",
  "]]>",
  "<![CDATA[",
  "\u2028",
  "\u2029",
  "</script>",
  '<script type="application/json" id="dispatch-state">',
  "</title>",
  "</textarea>",
  "<style>",
  "&amp;",
  "&lt;",
  "&",
  '"',
  "'",
  "\\",
  "{{x}}",
  "\r\n",
  "\0",
];

const fragment = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.constantFrom(...MARKUP),
  // A very long word, in Latin, Persian or Han letters.
  fc.string({ unit: fc.constantFrom("a", "ب", "字", "é"), minLength: 500, maxLength: 4_000 }),
);

/** Text as the schema accepts it: trimmed, not empty, at most `max` UTF-16 units. */
const text = (max: number) =>
  fc
    .array(fragment, { minLength: 1, maxLength: 5 })
    .map((parts) => {
      let joined = parts.join(" ").trim();
      while (joined.length > max) joined = Array.from(joined).slice(0, -1).join("").trim();
      return joined;
    })
    .filter((joined) => joined.length > 0);

const photo = fc.record({
  src: fc.constant("images/lead.jpg"),
  alt: text(500),
  caption: text(1_000),
  credit: text(200),
  width: fc.constant(64),
  height: fc.constant(48),
});

const story = fc.record({
  headline: text(200),
  summary: text(400),
  byline: text(200),
  dateline: text(100),
  photo,
  body: fc.tuple(
    fc.record({ type: fc.constant("paragraph"), text: text(10_000) }),
    fc.record({ type: fc.constant("heading"), text: text(200) }),
    fc.record({ type: fc.constant("quote"), text: text(5_000), cite: text(200) }),
    fc.record({ type: fc.constant("photo"), photo }),
    fc.record({ type: fc.constant("list"), items: fc.array(text(2_000), { minLength: 1 }) }),
  ),
});
type GeneratedStory = typeof story extends fc.Arbitrary<infer T> ? T : never;

/** What a page's reader gets of `value`: the parser reads CR as LF and drops NUL from text. */
const asRead = (value: string, inAttribute = false) =>
  value
    // A lone surrogate half is written to the page as U+FFFD.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/\r\n?/g, "\n")
    .replace(/\0/g, inAttribute ? "\uFFFD" : "");

function* elements(node: Node): Generator<Element> {
  if ("tagName" in node) yield node;
  if ("childNodes" in node) for (const child of node.childNodes) yield* elements(child);
  if ("content" in node) yield* elements(node.content);
}

const attribute = (element: Element, name: string) =>
  element.attrs.find((attr) => attr.name === name)?.value;

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

/** Every text a story shows in its article (alt texts are checked as attributes). */
function shownTexts(generated: GeneratedStory): string[] {
  const [paragraph, heading, quote, photoBlock, list] = generated.body;
  return [
    generated.headline,
    generated.summary,
    generated.byline,
    generated.dateline,
    generated.photo.caption,
    generated.photo.credit,
    paragraph.text,
    heading.text,
    quote.text,
    quote.cite,
    photoBlock.photo.caption,
    photoBlock.photo.credit,
    ...list.items,
  ];
}

describe("no story text breaks a build or a page", () => {
  let work: string;
  let data: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "dispatch-story-text-"));
    data = path.join(work, "data");
    await mkdir(path.join(data, "images"), { recursive: true });
    await writeFile(path.join(data, "topics.json"), JSON.stringify(FIXTURE_TOPICS));
    await writeFile(path.join(data, "images/lead.jpg"), await imageBytes(64, 48, "jpeg"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it(`builds ${RUNS} corpora of ${STORIES} stories of any text, each shown as written`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(story, { minLength: STORIES, maxLength: STORIES }),
        async (corpus) => {
          const stories = path.join(data, "stories");
          await rm(stories, { recursive: true, force: true });
          await mkdir(stories);
          const ids = corpus.map((_, index) => `story-${index}`);
          for (const [index, generated] of corpus.entries())
            await writeFile(
              path.join(stories, `${ids[index]}.json`),
              JSON.stringify({
                id: ids[index],
                topics: ["iran"],
                publishedAt: new Date(Date.UTC(2024, 0, 1 + index)).toISOString(),
                ...generated,
              }),
            );
          const outDir = path.join(work, "site");
          const run = await build(path.resolve(import.meta.dirname, ".."), {
            DATA_DIR: data,
            OUT_DIR: outDir,
            BUILD_CACHE_DIR: path.join(work, "cache"),
          });
          expect(run.stderr).not.toContain("    at ");
          expect(run.code, run.stderr).toBe(0);
          for (const [index, generated] of corpus.entries()) {
            const page = parse(
              await readFile(path.join(outDir, `stories/${ids[index]}.html`), "utf8"),
            );
            const all = [...elements(page)];
            expect(all.filter((element) => attribute(element, "id") === "root")).toHaveLength(1);
            const articles = all.filter(
              (element) => attribute(element, "data-pagefind-body") !== undefined,
            );
            expect(articles.map((element) => element.tagName)).toEqual(["article"]);
            const article = articles[0] as Element;
            const shown = textOf(article);
            for (const expected of shownTexts(generated)) expect(shown).toContain(asRead(expected));
            const alts = [...elements(article)]
              .filter((element) => element.tagName === "img")
              .map((element) => attribute(element, "alt"));
            expect(alts).toEqual(
              expect.arrayContaining(
                [generated.photo.alt, generated.body[3].photo.alt].map((alt) => asRead(alt, true)),
              ),
            );
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
