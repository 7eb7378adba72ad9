import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { precacheEntries } from "../offline/service-worker.ts";
import { ICONS, MANIFEST_FILE } from "../offline/web-app-manifest.ts";
import { ObjectStore } from "../shared/build-cache.ts";
import { PURGE_FILE } from "../shared/purge-paths.ts";
import { SiteOutput } from "../shared/site-output.ts";
import { compressPage, precompressSite } from "./precompress.ts";

let dir: string;
let live: string;
let cacheDir: string;
const indexFile = () => path.join(cacheDir, "compressed.tsv");
const manifestFile = () => path.join(cacheDir, "site.tsv");

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dispatch-precompress-"));
  live = path.join(dir, "dist");
  cacheDir = path.join(dir, "cache");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A page of `words` distinct words, as compressible as the site's pages. */
const page = (title: string, words = 400) =>
  `<!doctype html><html><head><title>${title}</title></head><body><main><h1>${title}</h1>${Array.from(
    { length: words },
    (_, i) => `<p class="story-paragraph">Paragraph ${i} of ${title}: the river rose.</p>`,
  ).join("")}</main></body></html>`;

/** One build as scripts/commands/build.ts runs it: stages put files or write them into staging. */
async function build(files: Record<string, string | Buffer>, direct: Record<string, string>) {
  const staging = await mkdtemp(path.join(dir, ".dispatch-build-"));
  const site = await SiteOutput.open({
    store: new ObjectStore(cacheDir),
    staging,
    live,
    manifestFile: manifestFile(),
  });
  for (const [file, data] of Object.entries(files)) site.put(file, data);
  for (const [file, data] of Object.entries(direct)) {
    await mkdir(path.dirname(site.stagedPath(file)), { recursive: true });
    await writeFile(site.stagedPath(file), data);
  }
  const precompressed = await precompressSite(site, indexFile());
  const committed = await site.commit();
  return { precompressed, committed };
}

const liveFiles = async () =>
  (await readdir(live, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(live, path.join(entry.parentPath, entry.name)))
    .sort();

const stories = Object.fromEntries(
  Array.from({ length: 6 }, (_, i) => [`stories/story-${i}.html`, page(`Story ${i}`)]),
);
const SITE = {
  ...stories,
  "index.html": page("Front page"),
  "api/feeds/world/head.json": JSON.stringify({ stories: Object.keys(stories) }).repeat(20),
  "robots.txt": "User-agent: *\nAllow: /\n",
  "images/river-640.jpg": randomBytes(4000),
  // Pagefind's fragments are gzip already.
  "pagefind/fragment/en_1.pf_fragment": gzipSync(page("Fragment")),
  // Bytes that do not shrink (compressed or random) get no sibling, whatever their name.
  "api/random.json": randomBytes(3000),
  ...Object.fromEntries(ICONS.map((icon) => [icon.file, randomBytes(2000)])),
};
const DIRECT = {
  "favicon.svg": `<svg xmlns="http://www.w3.org/2000/svg">${'<circle r="4"/>'.repeat(40)}</svg>`,
  [MANIFEST_FILE]: JSON.stringify({ name: "Dispatch", icons: [...ICONS, ...ICONS, ...ICONS] }),
  "sw.js": `self.__precache = ${JSON.stringify(Object.keys(stories))};`.repeat(30),
  "assets/index-AAAA.js": `export function app(){return ${JSON.stringify(page("code"))}}`,
  "feeds/world/rss.xml": `<rss>${Object.keys(stories)
    .map((story) => `<item><link>${story}</link></item>`)
    .join("")}</rss>`.repeat(10),
};

describe("precompressSite", () => {
  it("writes .br and .gz beside every text file worth it, each decompressing to the file byte for byte", async () => {
    const { precompressed } = await build(SITE, DIRECT);
    const files = await liveFiles();
    const compressible = [
      ...Object.keys(stories),
      "index.html",
      "api/feeds/world/head.json",
      "sw.js",
      "assets/index-AAAA.js",
      "feeds/world/rss.xml",
      "favicon.svg",
      MANIFEST_FILE,
    ];
    for (const file of compressible) {
      const original = await readFile(path.join(live, file));
      const br = await readFile(path.join(live, `${file}.br`));
      const gz = await readFile(path.join(live, `${file}.gz`));
      expect(brotliDecompressSync(br).equals(original), `${file}.br`).toBe(true);
      expect(gunzipSync(gz).equals(original), `${file}.gz`).toBe(true);
      expect(br.length).toBeLessThan(original.length / 2);
    }
    // Tiny, already compressed, images and text that does not shrink: no sibling.
    expect(files.filter((file) => /\.(br|gz)$/.test(file)).sort()).toEqual(
      compressible.flatMap((file) => [`${file}.br`, `${file}.gz`]).sort(),
    );
    expect(precompressed).toEqual({
      compressed: compressible.length * 2,
      siblings: compressible.length * 2,
    });
  });

  it("a publish compresses only the files it writes and keeps every other sibling as it is; a site replaced whole takes them from the cache", async () => {
    await build(SITE, DIRECT);
    const inodes = new Map<string, number>();
    for (const file of await liveFiles()) inodes.set(file, (await stat(path.join(live, file))).ino);

    // One new story: the front page, the head and the feed change with it.
    const published = page("Breaking: the bridge reopens");
    const { precompressed, committed } = await build(
      {
        ...SITE,
        "stories/published.html": published,
        "index.html": page("Front page, updated"),
        "api/feeds/world/head.json": JSON.stringify({ stories: ["published"] }).repeat(20),
      },
      { ...DIRECT, "feeds/world/rss.xml": `<rss><item>published</item></rss>`.repeat(10) },
    );
    const changed = ["stories/published.html", "index.html", "api/feeds/world/head.json"];
    const written = [...changed, "feeds/world/rss.xml"];
    expect(precompressed.compressed).toBe(written.length * 2);
    expect(committed.moved).toBe(written.length * 3);
    for (const [file, inode] of inodes) {
      // The purge list is every build's own.
      const same =
        file !== PURGE_FILE && !written.some((w) => file === w || file.startsWith(`${w}.`));
      if (same) expect((await stat(path.join(live, file))).ino, file).toBe(inode);
    }
    expect(
      brotliDecompressSync(await readFile(path.join(live, "stories/published.html.br"))).toString(),
    ).toBe(published);

    // The same site again with no record of the live one (replaced whole): every sibling comes
    // from the store, none is compressed again.
    await rm(manifestFile());
    const again = await build(
      {
        ...SITE,
        "stories/published.html": published,
        "index.html": page("Front page, updated"),
        "api/feeds/world/head.json": JSON.stringify({ stories: ["published"] }).repeat(20),
      },
      { ...DIRECT, "feeds/world/rss.xml": `<rss><item>published</item></rss>`.repeat(10) },
    );
    expect(again.committed.linked).toBe(0);
    expect(again.precompressed).toEqual({ compressed: 0, siblings: precompressed.siblings });
  });

  it("keeps the siblings a prerendering thread made with its page, and a later build finds them in the cache", async () => {
    const staging = await mkdtemp(path.join(dir, ".dispatch-build-"));
    const store = new ObjectStore(cacheDir);
    const site = await SiteOutput.open({ store, staging, live, manifestFile: manifestFile() });
    const file = "stories/rendered.html";
    const bytes = Buffer.from(page("Rendered in a thread"));
    // As prerender-worker.ts and prerender-site.ts do: page and siblings through the store.
    const put = (target: string, data: Buffer) => store.put(site.stagedPath(target), data);
    const hash = put(file, bytes);
    const made = compressPage(file, bytes, hash, put);
    site.record(file, hash);
    for (const [sibling, , siblingHash] of made) site.record(sibling, siblingHash);
    const precompressed = await precompressSite(site, indexFile(), made);
    await site.commit();
    expect(precompressed).toEqual({ compressed: 2, siblings: 2 });
    // The very files the thread stored, not the same bytes compressed again into new ones.
    for (const [sibling, , siblingHash] of made) {
      const object = path.join(cacheDir, "objects", siblingHash.slice(0, 2), siblingHash);
      expect((await stat(path.join(live, sibling))).ino, sibling).toBe((await stat(object)).ino);
    }
    const br = await readFile(path.join(live, `${file}.br`));
    expect(brotliDecompressSync(br).equals(bytes)).toBe(true);
    expect(gunzipSync(await readFile(path.join(live, `${file}.gz`))).equals(bytes)).toBe(true);

    // The page placed from the cache, no thread rendering it, the site replaced whole.
    await rm(manifestFile());
    const again = await build({ [file]: bytes }, {});
    expect(again.precompressed).toEqual({ compressed: 0, siblings: 2 });
    expect((await readFile(path.join(live, `${file}.br`))).equals(br)).toBe(true);
  });

  it("a page that stops paying loses its siblings; the service worker's precache names none", async () => {
    await build(SITE, DIRECT);
    await build({ ...SITE, "index.html": "<p>tiny</p>" }, DIRECT);
    const files = await liveFiles();
    expect(files).toContain("index.html");
    expect(files.filter((file) => file.startsWith("index.html."))).toEqual([]);
    expect(files).toContain("assets/index-AAAA.js.gz");
    const precached = (await precacheEntries(live)).map((entry) => entry.url);
    expect(precached).toContain("assets/index-AAAA.js");
    expect(precached.filter((url) => /\.(br|gz)$/.test(url))).toEqual([]);
  });
});
