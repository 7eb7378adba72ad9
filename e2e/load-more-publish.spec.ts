import { realpathSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeApiFiles } from "../scripts/content/emit.ts";
import { loadContent } from "../scripts/content/load-content.ts";
import { createStaticServer } from "../scripts/hosting/static-server.ts";
import { type Listening, listen } from "../scripts/shared/listen.ts";
import type { FeedArchivePage, FeedHead } from "../src/content/api-types.ts";
import { feedStories } from "./page-types.ts";
import { expect, test } from "./test";

/**
 * A reader opens the front page; then the newsroom publishes more stories than a screen holds
 * and the site is redeployed; then the reader presses Load more. The stories that follow must
 * be exactly the ones after what the reader sees: none twice, none skipped. The test serves
 * the build from its own server whose root it switches from build A (data/) to build B (data/
 * plus PUBLISHED newer stories) between the page load and the press.
 */

const PUBLISHED = 25;
const DIST = "dist";

let before: Server;
let after: Server;
let served: { current: Server; requests: string[] };
let server: Listening;
let work: string;

/** Every story id of a build's Breaking News feed, newest first, by following head and pages. */
async function feedOrder(root: string): Promise<string[]> {
  const read = async <T>(file: string) =>
    JSON.parse(await readFile(path.join(root, file), "utf8")) as T;
  const head = await read<FeedHead>("api/feeds/breaking-news/head.json");
  const ids = head.stories.map((story) => story.id);
  for (let page = head.next; page !== null; ) {
    const archived = await read<FeedArchivePage>(`archive/breaking-news/${page}.json`);
    ids.push(...archived.stories.map((story) => story.id));
    page = archived.next;
  }
  return ids;
}

test.beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dispatch-publish-"));
  // Content B: today's content plus stories published after the reader opened the page.
  const dataB = path.join(work, "data");
  await cp("data", dataB, { recursive: true });
  for (let n = 1; n <= PUBLISHED; n++) {
    const id = `published-after-opening-${String(n).padStart(2, "0")}`;
    const story = {
      id,
      headline: `Published after the page was opened, number ${n}`,
      summary: "A story the reader's page did not know about.",
      topics: ["iran"],
      publishedAt: new Date(Date.UTC(2031, 0, 1, 0, n)).toISOString(),
      body: [{ type: "paragraph", text: "Published later." }],
    };
    await writeFile(path.join(dataB, "stories", `${id}.json`), JSON.stringify(story));
  }
  const contentB = await loadContent(dataB);
  if (!contentB.ok) throw new Error(contentB.errors.map((error) => error.message).join("\n"));
  // Build B: the same app (its hashed files have the same names), the API of content B.
  const distB = path.join(work, "dist-b");
  // The live release, not the dist symlink (which cp would copy as a link to it).
  await cp(realpathSync(DIST), distB, { recursive: true });
  await rm(path.join(distB, "api"), { recursive: true });
  await rm(path.join(distB, "archive"), { recursive: true });
  await mkdir(distB, { recursive: true });
  await writeApiFiles(contentB.content, distB);

  before = await createStaticServer(DIST);
  after = await createStaticServer(distB);
  served = { current: before, requests: [] };
  const front = createServer((request, response) => {
    served.requests.push(`${served.current === after ? "B" : "A"} ${request.url}`);
    served.current.emit("request", request, response);
  });
  server = await listen(front);
});

test.afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

test.use({ waitForApp: false });

test("Load more after many stories were published shows the next stories once each, none skipped", async ({
  page,
}) => {
  const orderA = await feedOrder(DIST);
  const orderB = await feedOrder(path.join(work, "dist-b"));
  expect(orderB).toHaveLength(orderA.length + PUBLISHED);
  expect(orderB.slice(PUBLISHED)).toEqual(orderA);

  // The page comes from build A; the app has not started yet (it starts on the first press).
  await page.goto(`${server.origin}/`);
  const stories = feedStories(page);
  await expect(stories).toHaveCount(10);
  const links = stories.getByRole("heading", { level: 2 }).getByRole("link");
  const shownIds = async () =>
    (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")))).map((href) =>
      (href ?? "").replace("/stories/", ""),
    );
  expect(await shownIds()).toEqual(orderA.slice(0, 10));

  // The newsroom publishes and redeploys: every request from now on is answered by build B.
  served.current = after;
  const headB = (await (
    await page.request.get(`${server.origin}/api/feeds/breaking-news/head.json`)
  ).json()) as FeedHead;
  expect(headB.total).toBe(orderA.length + PUBLISHED);

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(stories).toHaveCount(20);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(stories).toHaveCount(30);
  const shown = await shownIds();
  expect(shown).toEqual(orderA.slice(0, 30));
  expect(new Set(shown).size).toBe(30);
  expect(shown.some((id) => id.startsWith("published-after-opening"))).toBe(false);
  // The stories after the first screen really came from build B.
  expect(
    served.requests.filter((line) => /^B \/archive\/breaking-news\/\d+\.json$/.test(line)).length,
  ).toBeGreaterThanOrEqual(2);
  expect(served.requests.some((line) => line.startsWith("A /archive/"))).toBe(false);
});
