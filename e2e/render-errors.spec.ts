import { expect, type Page, test } from "./test";

/**
 * One part that cannot be rendered (an API file from a newer build, a stale CDN copy) costs
 * the reader that part only: it says so, and the rest of the page keeps working.
 */

function collectUncaught(page: Page): string[] {
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  return uncaught;
}

/**
 * Pages opened directly carry their data in the HTML, so the faults are injected into what the
 * app fetches as the reader moves on: the story behind a feed link, the feed's next page.
 */

test("a story block that cannot be rendered leaves the rest of the story readable", async ({
  page,
}) => {
  const uncaught = collectUncaught(page);
  await page.goto("/");
  const link = page
    .getByRole("main")
    .getByRole("article")
    .first()
    .getByRole("heading", { level: 2 })
    .getByRole("link");
  const headline = (await link.textContent()) ?? "";
  const intact: string[] = [];
  await page.route(`**/api${await link.getAttribute("href")}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    const body = json.story.body as Record<string, unknown>[];
    for (const block of body) if (block.type === "paragraph") intact.push(String(block.text));
    // A block type this build has never heard of, and a paragraph whose text is not text.
    body.splice(1, 0, { type: "table", rows: [["a", "b"]] });
    body.splice(3, 0, { type: "paragraph", text: { html: "<b>bold</b>" } });
    await route.fulfill({ response, json });
  });
  await link.click();

  const story = page.getByRole("main").getByRole("article");
  await expect(story.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(story.getByText("This part of the story could not be shown.")).toHaveCount(2);
  // Every block before, between and after the broken ones is there.
  expect(intact.length).toBeGreaterThan(0);
  for (const text of intact) await expect(story.getByText(text, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Could not load this page" })).toHaveCount(0);

  // And the page keeps working: the reader moves on to the next story.
  const next = page.getByRole("link", { name: /^Next story/ });
  const nextHeadline = ((await next.textContent()) ?? "").replace(/^Next story/, "");
  await next.click();
  await expect(page.getByRole("heading", { level: 1, name: nextHeadline })).toBeFocused();
  await expect(page.getByText("This part of the story could not be shown.")).toHaveCount(0);
  expect(uncaught).toEqual([]);
});

test("a feed card that cannot be rendered leaves the other cards and Load more working", async ({
  page,
}) => {
  const uncaught = collectUncaught(page);
  // The first archive page follows the head: its first story is the card after the head's.
  const head = await (await page.request.get("/api/feeds/breaking-news/head.json")).json();
  const broken: number = head.stories.length;
  let archivePages = 0;
  await page.route("**/archive/breaking-news/*.json", async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    if (archivePages++ === 0) json.stories[0].publishedAt = "the day before yesterday";
    await route.fulfill({ response, json });
  });
  await page.goto("/");

  const cards = page.getByRole("list", { name: "Breaking News stories" }).getByRole("listitem");
  await expect(cards).toHaveCount(10);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(cards).toHaveCount(20);
  await expect(cards.nth(broken)).toHaveText("This story could not be shown.");
  for (const index of [0, 10, broken - 1, 19].filter((index) => index !== broken)) {
    await expect(
      cards.nth(index).getByRole("heading", { level: 2 }).getByRole("link"),
    ).toBeVisible();
  }

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(cards).toHaveCount(30);
  await expect(page.getByText("This story could not be shown.")).toHaveCount(1);
  expect(uncaught).toEqual([]);
});
