import { feedStories } from "./page-types.ts";
import { expect, test } from "./test";

// A press before the app is ready (Load more busy at once, then the stories): start-up.spec.ts.

test("a reader scans the front page: headlines, summaries, times, thumbnails without captions", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Breaking News — Dispatch");
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
  const stories = feedStories(page);
  await expect(stories).toHaveCount(10);
  const first = stories.first();
  await expect(first.getByRole("heading", { level: 2 }).getByRole("link")).toBeVisible();
  await expect(first.locator("time[datetime]")).toHaveCount(1);
  // A card's thumbnail is decorative; its caption and credit belong to the story page.
  await expect(first.locator("img")).toHaveAttribute("alt", "");
  await expect(stories.locator("figcaption")).toHaveCount(0);
  await expect(page.getByText("Sample story").first()).toBeVisible();
});

test("Load more twice shows 30 stories, moves focus to each first new story and announces it", async ({
  page,
}) => {
  // The next stories are fetched ahead, as the button comes near the viewport.
  const prefetched = page.waitForResponse(/\/archive\/breaking-news\/\d+\.json$/);
  await page.goto("/");
  const stories = feedStories(page);
  await expect(stories).toHaveCount(10);
  const historyLength = await page.evaluate(() => history.length);
  // With the app running and the stories already here, what the press changes first: the
  // button saying it is busy, painted before the ten new cards are drawn (on a slow phone
  // drawing them takes a few hundred ms).
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Load more" }).scrollIntoViewIfNeeded();
  await prefetched;
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const note = () => {
      const button = document.querySelector("main button.button-primary");
      if (button?.textContent === "Loading more stories…" && !seen.includes("busy"))
        seen.push("busy");
      if (document.querySelectorAll("main ol > li").length > 10 && !seen.includes("stories"))
        seen.push("stories");
    };
    new MutationObserver(note).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(stories).toHaveCount(20);
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
    "busy",
    "stories",
  ]);
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(stories.nth(10).getByRole("link").first()).toBeFocused();
  await expect(page.getByRole("status")).toHaveText("10 more stories loaded");

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(stories).toHaveCount(30);
  await expect(page).toHaveURL(/\/\?page=3$/);
  await expect(stories.nth(20).getByRole("link").first()).toBeFocused();

  // The count is replaced in the URL, not pushed: Back leaves the feed rather than un-loading.
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
});

test("Load more says it is loading and cannot be pressed twice", async ({ page }) => {
  let requests = 0;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/archive/breaking-news/*.json", async (route) => {
    requests += 1;
    await held;
    await route.continue();
  });
  await page.goto("/");
  const button = page.getByRole("button", { name: "Load more" });
  await button.click();
  const loading = page.getByRole("button", { name: "Loading more stories…" });
  await expect(loading).toHaveAttribute("aria-disabled", "true");
  // A second and third press, as an impatient reader would (force: it is aria-disabled).
  await loading.click({ force: true });
  await loading.click({ force: true });
  release();
  await expect(feedStories(page)).toHaveCount(20);
  expect(requests).toBe(1);
});

test("reload and a shared link show the same stories; Back from a story returns to the same place", async ({
  page,
}) => {
  await page.goto("/?page=3");
  const stories = feedStories(page);
  await expect(stories).toHaveCount(30);
  const headlines = await stories.getByRole("heading", { level: 2 }).allTextContents();

  await page.reload();
  await expect(stories).toHaveCount(30);
  expect(await stories.getByRole("heading", { level: 2 }).allTextContents()).toEqual(headlines);

  const target = stories.nth(24).getByRole("heading", { level: 2 }).getByRole("link");
  await target.scrollIntoViewIfNeeded();
  // Instant (scroll-behavior is auto), so scrollY is final as soon as this returns.
  await page.evaluate(() => scrollBy(0, 150));
  const scrollBefore = await page.evaluate(() => window.scrollY);
  expect(scrollBefore).toBeGreaterThan(1000);
  await target.click();
  await expect(page.getByRole("heading", { level: 1, name: headlines[24] })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(100);

  await page.goBack();
  await expect(page).toHaveURL(/\/\?page=3$/);
  await expect(stories).toHaveCount(30);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore - 5);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThanOrEqual(
    5,
  );
});

test("at the end of the feed Load more is gone and the reader is told so", async ({ page }) => {
  await page.goto("/?page=99999");
  await expect(page.getByText("You’re all caught up.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  const pageCount = Number(new URL(page.url()).searchParams.get("page"));
  expect(pageCount).toBeGreaterThanOrEqual(5);
  expect(await feedStories(page).count()).toBeGreaterThan((pageCount - 1) * 10);
});

test("a topic feed is headed by its topic and pages on its own", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Topics" })
    .getByRole("link", { name: "Iran" })
    .click();
  await expect(page).toHaveURL(/\/topics\/iran$/);
  await expect(page.getByRole("heading", { level: 1, name: "Iran" })).toBeFocused();
  await expect(page).toHaveTitle("Iran — Dispatch");
  const stories = feedStories(page, "Iran");
  await expect(stories).toHaveCount(10);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => stories.count()).toBeGreaterThan(10);
  await expect(page).toHaveURL(/\/topics\/iran\?page=2$/);
});

test("a topic page has the Breaking News banner and the Special Report section", async ({
  page,
}) => {
  await page.goto("/topics/science");
  const banner = page.getByRole("region", { name: "Breaking News" });
  await expect(banner.getByRole("link")).not.toHaveCount(0);
  const special = page.getByRole("region", { name: "Special Report" });
  await expect(special.getByRole("heading", { level: 2, name: "Special Report" })).toBeVisible();
  expect(await special.getByRole("link").count()).toBeGreaterThanOrEqual(3);
});

test("without JavaScript the first page of a feed is readable and its stories reachable", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ["/", "/topics/iran", "/topics/science"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(10);
  }
  await page.getByRole("main").getByRole("article").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(
    page.getByRole("main").getByRole("figure").first().locator("figcaption"),
  ).toContainText("Image caption,");
  await context.close();
});
