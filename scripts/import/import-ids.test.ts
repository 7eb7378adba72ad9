import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Story } from "../../src/content/schema.ts";
import { createFixture, type Fixture } from "../content/test-fixture.ts";
import { importFeeds } from "./import-feeds.ts";

/**
 * Whose story is it: two feeds' item `42` are two stories, and a re-import never silently
 * replaces a story from another feed, nor one an editor changed since it was imported.
 */

let data: Fixture;
let feeds: string;
beforeEach(async () => {
  data = await createFixture();
  feeds = await mkdtemp(path.join(tmpdir(), "dispatch-feed-ids-"));
});
afterEach(async () => {
  await data.cleanup();
  await rm(feeds, { recursive: true, force: true });
});

type TestItem = { title: string; guid?: string; link?: string; image?: string };

/** An RSS feed at `<feeds>/<folder>/feed.xml` with a site link of its own (or none). */
async function writeFeed(folder: string, site: string | undefined, items: TestItem[]) {
  const dir = path.join(feeds, folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "feed.xml");
  const xml = items.map(
    (item) => `<item><title>${item.title}</title>
      ${item.guid ? `<guid isPermaLink="false">${item.guid}</guid>` : ""}
      ${item.link ? `<link>${item.link}</link>` : ""}
      <pubDate>Tue, 17 Sep 2024 10:30:00 GMT</pubDate><description>${item.title}, the text.</description>
      ${item.image ? `<enclosure url="${item.image}" type="image/png" length="1"/>` : ""}</item>`,
  );
  await writeFile(
    file,
    `<?xml version="1.0"?><rss version="2.0"><channel><title>${folder}</title>${site ? `<link>${site}</link>` : ""}${xml.join("")}</channel></rss>`,
  );
  return file;
}

const run = (inputs: string[], overwrite = false) =>
  importFeeds({ dataDir: data.dir, inputs, topics: ["world"], overwrite });

async function stories(): Promise<Story[]> {
  const names = (await readdir(data.at("stories"))).filter((name) => name !== "first-story.json");
  return Promise.all(names.map(async (name) => (await data.readJson(`stories/${name}`)) as Story));
}

describe("story ids across feeds", () => {
  it("keeps two feeds' guid 42 and link /news/1 as four stories", async () => {
    const a = await writeFeed("alpha", "https://alpha.example/", [
      { title: "Alpha 42", guid: "42" },
      { title: "Alpha news 1", link: "/news/1" },
    ]);
    const b = await writeFeed("beta", "https://beta.example/", [
      { title: "Beta 42", guid: "42" },
      { title: "Beta news 1", link: "/news/1" },
    ]);
    expect((await run([a])).summary).toContain("(2 new, 0 updated, 0 unchanged)");
    const second = await run([b]);
    expect(second.summary).toContain("(2 new, 0 updated, 0 unchanged)");
    expect((await stories()).map((story) => story.headline).sort()).toEqual([
      "Alpha 42",
      "Alpha news 1",
      "Beta 42",
      "Beta news 1",
    ]);
  });

  it("namespaces by the feed's folder and name when the feed has no address of its own", async () => {
    const a = await writeFeed("desk-a", undefined, [{ title: "Desk A 42", guid: "42" }]);
    const b = await writeFeed("desk-b", undefined, [{ title: "Desk B 42", guid: "42" }]);
    await run([a, b]);
    expect((await stories()).map((story) => story.headline).sort()).toEqual([
      "Desk A 42",
      "Desk B 42",
    ]);
  });

  it("says so and keeps a story from another feed with the same address", async () => {
    const shared = "https://wire.example/2024/09/harbour";
    const a = await writeFeed("alpha", "https://alpha.example/", [
      { title: "From alpha", link: shared },
    ]);
    const b = await writeFeed("beta", "https://beta.example/", [
      { title: "From beta", link: shared },
    ]);
    await run([a]);
    const report = await run([b]);
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^.*beta\/feed\.xml: item 1: stories\/.*\.json was imported from another feed \(https:\/\/alpha\.example\/\); kept as it is \(--overwrite replaces it\)$/,
      ),
    ]);
    expect(report.summary).toContain("(0 new, 0 updated, 0 unchanged, 1 kept as they were)");
    expect((await stories()).map((story) => story.headline)).toEqual(["From alpha"]);
    await run([b], true);
    expect((await stories()).map((story) => story.headline)).toEqual(["From beta"]);
  });

  it("keeps an editor's alt text on a re-import, unless --overwrite", async () => {
    const feed = await writeFeed("alpha", "https://alpha.example/", [
      { title: "Ferry", link: "https://alpha.example/ferry", image: "ferry.png" },
    ]);
    await sharp({ create: { width: 8, height: 6, channels: 3, background: "#468" } })
      .png()
      .toFile(path.join(feeds, "alpha", "ferry.png"));
    await run([feed]);
    const [story] = await stories();
    if (!story?.photo) throw new Error("the story has no photo");
    const file = data.at(`stories/${story.id}.json`);
    const edited = { ...story, photo: { ...story.photo, alt: "The ferry at the pier at dawn" } };
    await writeFile(file, `${JSON.stringify(edited, null, 2)}\n`);

    const again = await run([feed]);
    expect(again.problems).toEqual([
      `${feed}: item 1: stories/${story.id}.json was changed by an editor since it was imported; kept as it is (--overwrite replaces it)`,
    ]);
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(await readFile(file, "utf8")).photo.alt).toBe(
      "The ferry at the pier at dawn",
    );

    await run([feed], true);
    expect(JSON.parse(await readFile(file, "utf8")).photo.alt).toBe("Ferry");
  });
});

describe("npm run import on items that used to stop it", () => {
  it("imports the good items and prints the summary beside a file://host picture and 5,000 nested spans", async () => {
    const deep = `${"&lt;span&gt;".repeat(5000)}deep${"&lt;/span&gt;".repeat(5000)}`;
    const file = path.join(feeds, "feed.xml");
    await writeFile(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
      <item><title>Good</title><guid>1</guid><pubDate>Tue, 17 Sep 2024 10:30:00 GMT</pubDate><description>Fine.</description></item>
      <item><title>Host</title><guid>2</guid><pubDate>Tue, 17 Sep 2024 10:30:00 GMT</pubDate><description>Fine.</description>
        <enclosure url="file://host/a.jpg" type="image/jpeg" length="1"/></item>
      <item><title>Deep</title><guid>3</guid><pubDate>Tue, 17 Sep 2024 10:30:00 GMT</pubDate><description>${deep}</description></item>
      </channel></rss>`,
    );
    // The command itself, in a process of its own: its stack is the one a newsroom's CI has.
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(import.meta.dirname, "../commands/import.ts"),
        file,
        "--topic",
        "world",
      ],
      { env: { ...process.env, DATA_DIR: data.dir } },
    ).catch((error: { stdout: string; stderr: string }) => error);
    expect(stderr).toBe(
      `${file}: item 2: image file://host/a.jpg is a file: URL; only a path relative to the feed, inside its folder, is read; imported without a photo\n`,
    );
    expect(stdout).toMatch(
      /^import: 3 stories of 3 items from 1 feed into .* \(3 new, 0 updated, 0 unchanged\); 1 local image not imported\n$/,
    );
    expect((await stories()).map((story) => story.headline).sort()).toEqual([
      "Deep",
      "Good",
      "Host",
    ]);
    // A process of its own starts slowly on a busy machine; this is not a timing.
  }, 60_000);
});

describe("imports at the same time", () => {
  it("share no temporary name: four imports of the same feeds at once all write, and leave no dot-file", async () => {
    const feed = await writeFeed(
      "alpha",
      "https://alpha.example/",
      Array.from({ length: 40 }, (_, index) => ({
        title: `Story ${index}`,
        link: `https://alpha.example/${index}`,
      })),
    );
    const reports = await Promise.all([run([feed]), run([feed]), run([feed]), run([feed])]);
    for (const report of reports) {
      expect(report.problems).toEqual([]);
      expect(report.figures?.stories).toBe(40);
    }
    expect(await stories()).toHaveLength(40);
    const left = (await readdir(data.at("stories"))).filter((name) => name.startsWith("."));
    expect(left).toEqual([]);
  });
});
