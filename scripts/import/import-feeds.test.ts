import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTENT_ID_PATTERN } from "../../src/content/content-id.ts";
import type { Story } from "../../src/content/schema.ts";
import { buildApi } from "../content/emit.ts";
import { loadContent } from "../content/load-content.ts";
import { createFixture, type Fixture } from "../content/test-fixture.ts";
import { buildSyndication } from "../syndication/emit-syndication.ts";
import { importFeeds } from "./import-feeds.ts";

/**
 * `npm run import` on feeds written after real-world shapes (scripts/import/fixtures): a CMS's
 * RSS with content:encoded and media:content, Atom with type="html" and "xhtml", JSON Feed with
 * content_html and content_text, hostile markup in every field, and files that are not feeds.
 */

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const FERRY = { width: 64, height: 48 };

let data: Fixture;
let feeds: string;
beforeEach(async () => {
  data = await createFixture();
  feeds = await mkdtemp(path.join(tmpdir(), "dispatch-feeds-"));
  // The feeds beside this test, not the corpus folder (corpus.test.ts imports that).
  await cp(FIXTURES, feeds, {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(FIXTURES, "corpus")),
  });
  // Files that are not feeds sit beside the feeds; written here because no linter would let
  // them into the repository.
  await writeFile(
    path.join(feeds, "broken.json"),
    '{ "version": "https://jsonfeed.org/version/1.1", "title": "Broken", "items": [ { "id": "1", } ] }\n',
  );
  await writeFile(
    path.join(feeds, "broken.xml"),
    '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title>\n<item><title>Unclosed</title></channel></rss>\n',
  );
  await writeFile(path.join(feeds, "not-a-feed.json"), '{ "stories": [] }\n');
  await writeFile(path.join(feeds, "notes.xml"), "Just some notes, not a feed.\n");
  // The CMS feed names its picture relative to itself, as a CMS export on disk would.
  await mkdir(path.join(feeds, "images"));
  await sharp({ create: { ...FERRY, channels: 3, background: "#468" } })
    .png()
    .toFile(path.join(feeds, "images", "ferry.png"));
});
afterEach(async () => {
  await data.cleanup();
  await rm(feeds, { recursive: true, force: true });
});

/** The import's time, for items without a date: fixed, so that messages and files are too. */
const NOW = new Date("2024-09-20T12:00:00Z");
const run = () => importFeeds({ dataDir: data.dir, inputs: [feeds], topics: ["world"], now: NOW });

/** Every file under the data folder with its bytes, to compare two imports. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await readFile(file)).toString("base64"));
  }
  return files;
}

async function imported(): Promise<Story[]> {
  const names = (await readdir(data.at("stories"))).filter((name) => name !== "first-story.json");
  return Promise.all(names.map(async (name) => (await data.readJson(`stories/${name}`)) as Story));
}

const byHeadline = (stories: Story[], headline: string) => {
  const story = stories.find((s) => s.headline === headline);
  if (!story) throw new Error(`no story headed ${headline}`);
  return story;
};

describe("npm run import", () => {
  it("reports each bad file and item on one line, imports the rest, and exits 1", async () => {
    const report = await run();
    const at = (name: string) => path.join(feeds, name);
    expect(report.problems).toEqual([
      `${at("atom.xml")}: item 3: image images/missing.jpg is not a regular file inside the feed's folder; imported without a photo`,
      `${at("broken.json")}: broken JSON: Expected double-quoted property name in JSON at position 92`,
      `${at("broken.xml")}: broken XML at line 3, column 30: Expected closing tag 'item' (opened in line 3, col 1) instead of closing tag 'channel'.`,
      `${at("cms-rss.xml")}: item 5: has no date (pubDate, published or date_published); dated at the time of import, 2024-09-20T12:00:00Z`,
      `${at("cms-rss.xml")}: item 6: date "the day after tomorrow" is neither RFC 822 nor ISO 8601; dated at the time of import, 2024-09-20T12:00:00Z`,
      `${at("cms-rss.xml")}: item 7: image javascript:alert(1) is neither a path inside the feed's folder nor an http(s) URL; imported without a photo`,
      `${at("json-feed.json")}: item 4: has no date (pubDate, published or date_published); dated at the time of import, 2024-09-20T12:00:00Z`,
      `${at("not-a-feed.json")}: not a feed; expected RSS 0.9x to 2.0, RSS 1.0 (RDF), Atom 0.3 or 1.0, or JSON Feed 1.x (JSON without "version": "https://jsonfeed.org/version/1.1")`,
      `${at("notes.xml")}: not a feed; expected RSS 0.9x to 2.0, RSS 1.0 (RDF), Atom 0.3 or 1.0, or JSON Feed 1.x`,
    ]);
    expect(report.exitCode).toBe(1);
    expect(report.summary).toBe(
      `import: 15 stories of 15 items from 3 feeds into ${data.dir}/ (15 new, 0 updated, 0 unchanged); 2 local images not imported; 2 remote images not fetched (the import never uses the network), so those stories have no photo; 4 files not read`,
    );
    // An item without a title is headed by its first sentence.
    expect((await imported()).map((story) => story.headline)).toContain("An item without a title.");
    const stories = await imported();
    expect(stories).toHaveLength(15);
    for (const story of stories) expect(story.id).toMatch(CONTENT_ID_PATTERN);
  });

  it("turns a CMS's RSS into blocks, UTC dates, byline, source, language and a measured photo", async () => {
    await run();
    const stories = await imported();
    const ferry = byHeadline(stories, "Harbour ferry returns after winter repairs");
    expect(ferry).toMatchObject({
      summary: "The town’s only ferry is back in service with a new timetable.",
      topics: ["world"],
      publishedAt: "2024-09-17T07:00:00Z",
      byline: "Jane Doe",
      source: "Harbour Gazette & Wire",
      lang: "en-US",
      photo: { alt: "The ferry at the pier at dawn", credit: "Gazette photo", ...FERRY },
    });
    expect(ferry.body).toEqual([
      { type: "paragraph", text: "The ferry left the pier at 7 a.m. on time." },
      { type: "paragraph", text: "Passengers sent photos." },
      { type: "heading", text: "New timetable" },
      { type: "list", items: ["Weekdays: every hour", "Weekends: every two hours"] },
      { type: "quote", text: "We missed it all winter.", cite: "A regular passenger" },
      { type: "paragraph", text: "Share this story" },
    ]);
    // The picture is copied in, byte for byte, under a name taken from its content.
    expect(ferry.photo?.src).toMatch(/^images\/imported\/[0-9a-f]{20}\.png$/);
    expect(await readFile(data.at(ferry.photo?.src ?? ""))).toEqual(
      await readFile(path.join(feeds, "images", "ferry.png")),
    );

    const persian = byHeadline(stories, "چای در فرهنگ ایرانی");
    expect(persian).toMatchObject({
      lang: "fa-IR",
      byline: "تحریریه",
      publishedAt: "2024-09-15T08:30:00Z",
    });
    expect(persian.body).toEqual([{ type: "paragraph", text: "چای را در استکان می‌نوشند." }]);

    // A text-only item becomes a paragraph; its remote picture is not fetched.
    const market = byHeadline(stories, "Market prices steady");
    expect(market.body).toEqual([
      { type: "paragraph", text: "Prices at the Saturday market held steady for a third month." },
    ]);
    expect(market.photo).toBeUndefined();
  });

  it("reads Atom's html, xhtml and text content and JSON Feed's content_html and content_text", async () => {
    await run();
    const stories = await imported();
    expect(byHeadline(stories, "Storm & tide warning for the coast")).toMatchObject({
      summary: "High tides are expected tonight.",
      publishedAt: "2024-09-17T10:00:00Z",
      updatedAt: "2024-09-18T09:00:00Z",
      byline: "Coast Wire desk",
      source: "Coast Wire",
      lang: "en-GB",
      body: [
        { type: "paragraph", text: "The coastguard issued a warning." },
        { type: "heading", text: "What to do" },
        {
          type: "list",
          ordered: true,
          items: ["Stay off the sea wall", "Move cars from the front"],
        },
      ],
    });
    expect(byHeadline(stories, "Hafen öffnet wieder")).toMatchObject({
      lang: "de",
      byline: "Anna Schmidt",
      summary: "Der Hafen ist wieder offen.",
      body: [
        { type: "paragraph", text: "Der Hafen ist wieder offen." },
        { type: "quote", text: "Endlich!", cite: "Ein Fischer" },
      ],
    });
    expect(byHeadline(stories, "Plain text entry").body).toEqual([
      { type: "paragraph", text: "First paragraph of plain text." },
      { type: "paragraph", text: "Second paragraph, with <b>markup as text</b>." },
    ]);
    expect(byHeadline(stories, "Bridge repairs finish early")).toMatchObject({
      byline: "Sam Lee, Kim Park",
      publishedAt: "2024-09-13T15:40:00Z",
      updatedAt: "2024-09-14T07:00:00Z",
      source: "Valley Radio",
      lang: "en",
      body: [
        { type: "paragraph", text: "Work on the bridge finished on Friday." },
        { type: "quote", text: "It looks better than ever.", cite: "The mayor" },
      ],
    });
    expect(byHeadline(stories, "Choir wins regional prize")).toMatchObject({
      summary: "The valley choir won first prize.",
      byline: "Radio desk",
      body: [
        { type: "paragraph", text: "The valley choir won first prize." },
        { type: "paragraph", text: "They sing again at the harvest fair." },
      ],
    });
  });

  it("keeps no element, attribute or script of hostile HTML as text", async () => {
    await run();
    const stories = await imported();
    const rss = byHeadline(stories, "Hostile headline");
    expect(rss.summary).toBe("Summary with <script>alert(1)</script> as text");
    expect(rss.body).toEqual([
      { type: "paragraph", text: "Body click me" },
      // Escaped in the HTML, so it was text all along: it stays text.
      { type: "paragraph", text: "</script><script>alert(1)</script>" },
    ]);
    const atom = byHeadline(stories, "Hostile wire entry");
    expect(atom).toMatchObject({
      summary: "Summary in xhtml",
      body: [{ type: "paragraph", text: "Only this survives" }],
    });
    // Plain-text fields by their format's spec (Atom names, dc:creator, JSON Feed titles) keep
    // what they say, markup included, as characters: the site never renders text as HTML.
    expect(atom.byline).toBe("<script>alert(1)</script>Eve");
    expect(rss.byline).toBe("<b onmouseover=alert(1)>Mallory</b>");
    const json = byHeadline(stories, "<script>alert(1)</script> plain-text title");
    expect(json).toMatchObject({
      summary: '"}]};alert(1);// summary',
      byline: "{{constructor.constructor('alert(1)')()}}",
      lang: "fa",
      body: [
        { type: "paragraph", text: "Paragraph" },
        { type: "paragraph", text: "link text" },
      ],
    });
    // Nothing from an HTML field carries a tag, a handler or a URL it did not show as text.
    const fromHtml = [rss, atom, json].flatMap((story) =>
      story.body.map((block) => JSON.stringify(block)),
    );
    for (const text of fromHtml)
      expect(text).not.toMatch(
        /onerror|onclick|onload|iframe|<style|svg|noscript|fallback|tracking|Watch the video/,
      );
  });

  it("changes nothing on a second import, and updates only a story whose item changed", async () => {
    await run();
    const first = await snapshot(data.dir);
    const again = await run();
    expect(again.summary).toContain("(0 new, 0 updated, 15 unchanged)");
    expect(await snapshot(data.dir)).toEqual(first);

    const rss = path.join(feeds, "cms-rss.xml");
    await writeFile(
      rss,
      (await readFile(rss, "utf8")).replace("Market prices steady", "Market prices rise"),
    );
    const changed = await run();
    expect(changed.summary).toContain("(0 new, 1 updated, 14 unchanged)");
    const after = await snapshot(data.dir);
    const differing = [...after.keys()].filter((file) => after.get(file) !== first.get(file));
    // The story and the ledger's hash of it, which tells a later import the file is its own.
    expect(differing.sort()).toEqual([
      ".import-ledger.json",
      expect.stringMatching(/^stories\/2024-09-market-prices-steady-[0-9a-f]{10}\.json$/),
    ]);
    // No temporary file is left beside the stories or images.
    expect(
      [...after.keys()].filter((file) => /^\.|\/\./.test(file) && file !== ".import-ledger.json"),
    ).toEqual([]);
  });

  it("leaves content that passes the content check, and builds feeds and the API from it", async () => {
    await run();
    const result = await loadContent(data.dir);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.content.cards).toHaveLength(16);
    const api = buildApi(result.content);
    expect(api.get("api/feeds/world/head.json")).toContain(
      "Harbour ferry returns after winter repairs",
    );
    const files = buildSyndication(result.content, "https://example.org", () => 1);
    expect(files.get("/feeds/world/rss.xml")).toContain(
      "Harbour ferry returns after winter repairs",
    );
  });

  it("refuses a topic the data folder does not have, before reading any feed", async () => {
    const report = await importFeeds({ dataDir: data.dir, inputs: [feeds], topics: ["sport"] });
    expect(report.problems).toEqual([
      `--topic sport: not in ${data.at("topics.json")}; expected one of iran, world, science`,
    ]);
    expect(report.exitCode).toBe(1);
    expect(await imported()).toEqual([]);
  });
});
