import { execFileSync } from "node:child_process";
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  truncate,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Story } from "../../src/content/schema.ts";
import { createFixture, type Fixture } from "../content/test-fixture.ts";
import { importFeeds } from "./import-feeds.ts";

/**
 * A feed names its pictures; nobody here wrote it. Only a regular file inside the feed's own
 * folder, that decodes, may reach the published data folder: never `../private/…`, an
 * absolute path, a file: URL, a symlink out, a FIFO or a device.
 */

let data: Fixture;
let root: string;
let feeds: string;
let privateJpeg: string;
beforeEach(async () => {
  data = await createFixture();
  root = await mkdtemp(path.join(tmpdir(), "dispatch-feed-images-"));
  feeds = path.join(root, "wire");
  await mkdir(path.join(feeds, "images"), { recursive: true });
  await mkdir(path.join(root, "private"));
  privateJpeg = path.join(root, "private", "passport.jpg");
  await sharp({ create: { width: 30, height: 20, channels: 3, background: "#a33" } })
    .jpeg()
    .toFile(privateJpeg);
  await sharp({ create: { width: 64, height: 48, channels: 3, background: "#468" } })
    .png()
    .toFile(path.join(feeds, "images", "ferry.png"));
});
afterEach(async () => {
  await data.cleanup();
  await rm(root, { recursive: true, force: true });
});

/** An RSS feed with one item per picture address, each otherwise a good story. */
async function feedNaming(urls: string[]): Promise<string> {
  const items = urls.map(
    (url, index) => `<item><title>Item ${index + 1}</title><guid>item-${index + 1}</guid>
      <pubDate>Tue, 17 Sep 2024 10:30:00 GMT</pubDate><description>Text ${index + 1}.</description>
      <enclosure url="${url.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}" type="image/jpeg" length="1"/></item>`,
  );
  const file = path.join(feeds, "feed.xml");
  await writeFile(
    file,
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items.join("\n")}</channel></rss>`,
  );
  return file;
}

const run = (feed: string) =>
  importFeeds({
    dataDir: data.dir,
    inputs: [feed],
    topics: ["world"],
    now: new Date("2024-09-20T00:00:00Z"),
  });

async function importedStories(): Promise<Story[]> {
  const names = (await readdir(data.at("stories"))).filter((name) => name !== "first-story.json");
  return Promise.all(names.map(async (name) => (await data.readJson(`stories/${name}`)) as Story));
}

async function importedImages(): Promise<string[]> {
  return readdir(data.at("images/imported")).catch(() => []);
}

describe("pictures named by a feed", () => {
  it("copies only a picture inside the feed's folder; refuses every way out, each with a line", async () => {
    await symlink(privateJpeg, path.join(feeds, "images", "link-out.jpg"));
    await symlink("/dev/urandom", path.join(feeds, "images", "random.jpg"));
    execFileSync("mkfifo", [path.join(feeds, "images", "fifo.jpg")]);
    const urls = [
      "images/ferry.png",
      "../private/passport.jpg",
      "images/../../private/passport.jpg",
      privateJpeg,
      pathToFileURL(privateJpeg).href,
      "file://host/a.jpg",
      "images/link-out.jpg",
      "images/random.jpg",
      "images/fifo.jpg",
      "/dev/urandom",
      "data:image/png;base64,iVBORw0KGgo=",
    ];
    const feed = await feedNaming(urls);
    const report = await run(feed);
    // Every item is a story; only the first has a photo, the one inside the folder.
    const stories = await importedStories();
    expect(stories).toHaveLength(urls.length);
    const withPhoto = stories.filter((story) => story.photo);
    expect(withPhoto.map((story) => story.headline)).toEqual(["Item 1"]);
    expect(await importedImages()).toHaveLength(1);
    expect(await readFile(data.at(withPhoto[0]?.photo?.src ?? ""))).toEqual(
      await readFile(path.join(feeds, "images", "ferry.png")),
    );
    // One line for each refused picture, naming the item and the address.
    const lines = report.problems.filter((line) => line.includes("imported without a photo"));
    expect(lines).toHaveLength(urls.length - 1);
    urls.slice(1).forEach((url, index) => {
      expect(lines[index]).toMatch(new RegExp(`^${feed}: item ${index + 2}: image `));
      expect(lines[index]).toContain(url);
    });
    expect(report.summary).toContain(`${urls.length - 1} local images not imported`);
  });

  it("words a refusal the same whether or not the path outside exists", async () => {
    await symlink(privateJpeg, path.join(feeds, "images", "exists.jpg"));
    await symlink(
      path.join(root, "private", "nothing.jpg"),
      path.join(feeds, "images", "missing.jpg"),
    );
    const feed = await feedNaming([
      "../private/passport.jpg",
      "../private/nothing.jpg",
      "images/exists.jpg",
      "images/missing.jpg",
    ]);
    const report = await run(feed);
    const wording = report.problems.map((line) =>
      line.replace(/item \d+: image \S+/, "item N: image URL"),
    );
    expect(new Set(wording).size).toBe(1);
  });

  it("refuses a picture over 20 MB, and one that does not decode to the end", async () => {
    const big = path.join(feeds, "images", "big.jpg");
    await writeFile(big, "");
    await truncate(big, 20 * 1024 * 1024 + 1);
    const whole = await sharp({
      create: { width: 300, height: 200, channels: 3, background: "#357" },
    })
      .jpeg()
      .toBuffer();
    // The header says 300x200; the pixels stop halfway.
    await writeFile(
      path.join(feeds, "images", "truncated.jpg"),
      whole.subarray(0, whole.length / 2),
    );
    const feed = await feedNaming(["images/big.jpg", "images/truncated.jpg"]);
    const report = await run(feed);
    expect(report.problems).toEqual([
      `${feed}: item 1: image images/big.jpg is over 20 MB; imported without a photo`,
      `${feed}: item 2: image images/truncated.jpg is not a readable image; imported without a photo`,
    ]);
    expect(await importedImages()).toEqual([]);
  });
});

describe("feed files that are not files", () => {
  it("refuses a FIFO and a device with a line each, and follows a symlink to a feed", async () => {
    const feed = await feedNaming(["images/ferry.png"]);
    const link = path.join(root, "linked.xml");
    await symlink(feed, link);
    const fifo = path.join(feeds, "fifo.xml");
    execFileSync("mkfifo", [fifo]);
    const report = await importFeeds({
      dataDir: data.dir,
      inputs: [fifo, "/dev/urandom", link],
      topics: ["world"],
    });
    expect(report.problems).toEqual([
      `${fifo}: is not a regular file; expected a feed file`,
      "/dev/urandom: is not a regular file; expected a feed file",
    ]);
    expect(report.summary).toMatch(/^import: 1 story of 1 item from 1 feed .*; 2 files not read$/);
  });
});
