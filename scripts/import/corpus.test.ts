import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../content/load-content.ts";
import { createFixture, type Fixture } from "../content/test-fixture.ts";
import { decodeFeed } from "./decode-feed.ts";
import { readFeed } from "./feed-items.ts";
import { type ImportReport, importFeeds } from "./import-feeds.ts";

/**
 * The whole corpus of feeds nobody here wrote (fixtures/corpus/README.md: feedparser's and
 * rss-parser's test suites, 1,869 files of every format, era and encoding) through one
 * import. What is expected is derived from the files themselves, read independently of the
 * importer where it can be: every file is read or refused with a reason, every item with any
 * text becomes a story, and what is written passes the content check.
 */

const CORPUS = path.join(import.meta.dirname, "fixtures", "corpus");
const FEED_FILE = /\.(xml|rss|atom|json|rdf)$/i;

let data: Fixture;
let files: string[];
let report: ImportReport;
beforeAll(async () => {
  data = await createFixture();
  const entries = await readdir(CORPUS, { recursive: true, withFileTypes: true });
  files = entries
    .filter((entry) => entry.isFile() && FEED_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const folders = [...new Set(files.map((file) => path.dirname(file)))].sort();
  report = await importFeeds({
    dataDir: data.dir,
    inputs: folders,
    topics: ["world"],
    now: new Date("2026-01-01T00:00:00Z"),
  });
}, 120_000);
afterAll(() => data.cleanup());

/** The problem lines about a file as a whole, not one of its items, by file. */
const fileLines = () => {
  const known = new Set(files);
  const lines = new Map<string, string>();
  for (const line of report.problems) {
    const file = line.slice(0, line.indexOf(": "));
    if (known.has(file) && !line.startsWith(`${file}: item `)) lines.set(file, line);
  }
  return lines;
};

describe("the import corpus", () => {
  it("reads every file or refuses it with one line saying why", () => {
    const figures = report.figures;
    expect(figures?.files).toBe(files.length);
    const refused = fileLines();
    expect((figures?.feedsRead ?? 0) + refused.size).toBe(files.length);
    for (const line of refused.values())
      expect(line).toMatch(
        /: (not a feed|a feed with nothing to read|broken XML at line|broken JSON)/,
      );
    // Only files whose root element is none of the feed formats are "not a feed".
    for (const [file, line] of refused)
      if (line.includes(": not a feed")) expect(file).not.toMatch(/\.json$/);
  });

  it("refuses as 'not a feed' only files whose root is no RSS, RDF or Atom element", async () => {
    const notFeeds = [...fileLines()].filter(([, line]) => line.includes(": not a feed"));
    for (const [file] of notFeeds) {
      const text = decodeFeed(await readFile(file)).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, "");
      const root = /<([A-Za-z_][\w:.-]*)/.exec(text)?.[1];
      expect([file, root]).not.toEqual([file, expect.stringMatching(/^(rss|rdf:RDF|feed)$/)]);
    }
  });

  it("imports every item with any text, each on its own, and says why of each it skips", async () => {
    const figures = report.figures;
    if (!figures) throw new Error("no figures");
    expect(figures.stories + figures.skipped).toBe(figures.items);
    // Items with a title or any text, counted by reading the files again.
    let withText = 0;
    for (const file of files) {
      const read = readFeed(decodeFeed(await readFile(file)));
      if (read.ok)
        withText += read.feed.items.filter(
          (item) => item.title || item.summary || item.body.length > 0,
        ).length;
    }
    const skippedLines = report.problems.filter((line) => line.endsWith("; skipped"));
    expect(skippedLines).toHaveLength(figures.skipped);
    const duplicates = skippedLines.filter((line) => line.includes("has the same link or guid as"));
    // Nothing with text is skipped but an item a second time (the same link in two files).
    for (const line of skippedLines)
      expect(line).toMatch(/: (has no title and no text|has the same link or guid as)/);
    expect(figures.stories).toBe(withText - duplicates.length);
    // Most of the corpus is items, not only files: real feeds' items are all there.
    expect(figures.stories).toBeGreaterThan(figures.items / 2);
  }, 60_000);

  it("warns once for each item it dates, and writes content that passes the content check", async () => {
    const dated = report.problems.filter((line) =>
      / dated (as the feed|at the time of import)/.test(line),
    );
    expect(new Set(dated.map((line) => line.split(": ").slice(0, 2).join(": "))).size).toBe(
      dated.length,
    );
    const loaded = await loadContent(data.dir);
    expect(loaded.ok ? [] : loaded.errors.slice(0, 5)).toEqual([]);
    if (loaded.ok) expect(loaded.content.cards).toHaveLength((report.figures?.stories ?? 0) + 1);
  });
});
