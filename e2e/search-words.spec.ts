import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generateCorpus } from "../scripts/bench/synthetic-archive.ts";
import { createStaticServer } from "../scripts/hosting/static-server.ts";
import { type Listening, listen } from "../scripts/shared/listen.ts";
import { watchPageProblems } from "./support/page-problems";
import { buildShardedIndex, type ShardedIndex, serveShardedIndex } from "./support/sharded-index";
import { expect, test } from "./test";

/**
 * A result holds every word searched for (or a word starting with it, or sharing its stem) in
 * its headline, summary or text, captions included; a word no story has finds nothing. Tested
 * on the benchmarks' synthetic archive (scripts/bench/synthetic-archive.ts), built by the
 * build, with words placed where a reader could not guess them from: "tea" in some stories and
 * "teapot" in none, words only in photo captions and credits (a credit's first word runs into
 * the caption's last in the indexed text: "12.Wirephoto"), topics named "Alpha Desk" and
 * "Beta Desk", and a Persian story with a Persian word only in its caption. Searched over the
 * build's own index (one shard) and over the same pages in shards of 8.
 */
const STORIES = 40;
const run = promisify(execFile);
/** One temporary folder for the archive and its site (the build writes a file beside the site). */
let work = "";
let dataDir = "";
let outDir = "";
let server: Listening | undefined;
let sharded: ShardedIndex | undefined;
/** Every story's text as a reader sees it on its page (not its byline or alt text). */
let texts: string[] = [];

type Photo = Record<string, unknown>;
type Block = { type: string; text?: string; cite?: string; items?: string[]; photo?: Photo };
type Story = Record<string, unknown> & { body: Block[]; photo?: Photo; topics: string[] };

function placeWords(story: Story, n: number): Story {
  if (n % 5 === 1) story.body.unshift({ type: "paragraph", text: "The tea was served at noon." });
  if (n % 7 === 3) {
    story.body.push({
      type: "photo",
      photo: {
        src: "images/harbour.jpg",
        width: 1200,
        height: 675,
        alt: "A harbour at dusk",
        caption: `Inline caption ${n}.`,
        credit: "Wirephoto pool",
      },
    });
  }
  if (n >= 2 && n <= 4) story.topics = ["alpha"];
  if (n >= 6 && n <= 8) story.topics = ["beta"];
  if (n === 20) {
    story.lang = "fa";
    story.headline = "چای در خانه‌های ایرانی";
    story.body.push({ type: "paragraph", text: "چای نوشیدنی هر روز بسیاری از خانواده‌ها است." });
    story.body.push({
      type: "photo",
      photo: {
        src: "images/market.jpg",
        width: 800,
        height: 600,
        alt: "یک سماور",
        caption: "سماور برنجی در آشپزخانه.",
      },
    });
  }
  return story;
}

function textOf(story: Story): string {
  const photoText = (photo?: Photo) => [photo?.caption, photo?.credit];
  return [
    story.headline,
    story.summary,
    ...photoText(story.photo),
    ...story.body.flatMap((block) => [
      block.text,
      block.cite,
      ...(block.items ?? []),
      ...photoText(block.photo),
    ]),
  ]
    .filter((text): text is string => typeof text === "string")
    .join(" ");
}

/** How many stories have a word starting with each word of `query`, from the stories' own text. */
const storiesWith = (query: string) =>
  texts.filter((text) => {
    const words = text.toLocaleLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u);
    return query.split(" ").every((term) => words.some((word) => word.startsWith(term)));
  }).length;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = await mkdtemp(path.join(tmpdir(), "dispatch-search-words-"));
  dataDir = path.join(work, "data");
  outDir = path.join(work, "dist");
  await generateCorpus(dataDir, STORIES);
  const topicsFile = path.join(dataDir, "topics.json");
  const topics = JSON.parse(await readFile(topicsFile, "utf8")) as unknown[];
  topics.push({ slug: "alpha", name: "Alpha Desk" }, { slug: "beta", name: "Beta Desk" });
  await writeFile(topicsFile, JSON.stringify(topics));
  for (let n = 0; n < STORIES; n++) {
    const file = path.join(dataDir, "stories", `story-${String(n).padStart(6, "0")}.json`);
    const story = placeWords(JSON.parse(await readFile(file, "utf8")) as Story, n);
    texts.push(textOf(story));
    await writeFile(file, JSON.stringify(story, null, 2));
  }
  const tsx = path.resolve("node_modules", "tsx", "dist", "loader.mjs");
  await run(process.execPath, ["--import", tsx, "scripts/commands/build.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      OUT_DIR: outDir,
      // A cache of its own inside the project (the build's rule), kept between runs.
      BUILD_CACHE_DIR: path.join(".cache", "e2e-search-words"),
    },
    maxBuffer: 16 << 20,
  });
  sharded = await buildShardedIndex({ dataDir, distDir: outDir, shardStories: 8 });
  expect(sharded.shards).toBe(STORIES / 8);
  // Beside Playwright's three servers, in the same range.
  server = await listen(await createStaticServer(outDir), Number(process.env.E2E_PORT ?? 4174) + 3);
});

test.afterAll(async () => {
  await server?.close();
  for (const dir of [work, sharded?.work]) {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
  texts = [];
});

/** What each search must say: the count, from the stories' text, or that none was found. */
const SEARCHES: [query: string, expected: () => number][] = [
  ["tea", () => storiesWith("tea")],
  // Pagefind's stand-in for a word no story has would be "tea".
  ["teapot", () => 0],
  ["tea teapot", () => 0],
  ["inline", () => storiesWith("inline")],
  ["wirephoto", () => storiesWith("wirephoto")],
  ["tea inline", () => storiesWith("tea inline")],
  ["harvest", () => storiesWith("harvest")],
  // The same stem; the start of a word.
  ["harvests", () => storiesWith("harvest")],
  ["harv", () => storiesWith("harvest")],
  // Topic names are no story's words ("alphabet" would otherwise find the topic "Alpha Desk").
  ["alpha", () => 0],
  ["alphabet", () => 0],
  ["betamax", () => 0],
  // Each word in the text: harvest is, alpha only in the topic's name.
  ["harvest alpha", () => 0],
  ["چای", () => storiesWith("چای")],
  ["سماور", () => storiesWith("سماور")],
  ["چایخانه", () => 0],
];

const headingFor = (query: string, count: number) =>
  count === 0
    ? `No stories found for “${query}”`
    : `${count} ${count === 1 ? "story" : "stories"} for “${query}”`;

test("a search finds the stories holding its words, captions included, and nothing for a word no story has: one shard and several", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchPageProblems(page);
  const origin = server?.origin ?? "";
  // The archive has what each check needs.
  expect(storiesWith("tea")).toBeGreaterThan(3);
  expect(storiesWith("teapot")).toBe(0);
  expect(storiesWith("inline")).toBeGreaterThan(3);
  expect(storiesWith("harvest")).toBeGreaterThan(10);
  expect(storiesWith("سماور")).toBe(1);

  const heading = page.getByRole("heading", { level: 1 });
  const box = page.getByRole("main").getByRole("searchbox", { name: "Search stories" });
  for (const index of ["one shard", "shards"]) {
    if (index === "shards") await serveShardedIndex(page, sharded as ShardedIndex);
    await page.goto(`${origin}/search`);
    for (const [query, expected] of SEARCHES) {
      await box.fill(query);
      // Soft: a failing run names every search that went wrong, not only the first.
      await expect.soft(heading, `${query} (${index})`).toHaveText(headingFor(query, expected()));
      if (expected() === 0) continue;
      // Each result shown marks a word starting with the word searched for (or with its stem;
      // an excerpt is too short to show every word of a longer search).
      if (query.includes(" ")) continue;
      const term = query === "harvests" ? "harvest" : query;
      const results = page
        .getByRole("list", { name: `Stories for “${query}”` })
        .getByRole("article");
      for (const result of await results.all()) {
        const marked = (await result.locator("mark").allTextContents())
          .flatMap((mark) => mark.toLocaleLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u))
          .some((word) => word.startsWith(term));
        expect(marked, `a result for ${query} (${index})`).toBe(true);
      }
    }
  }
  expect(problems).toEqual([]);
});
