import { SEED_STORY, textSizeGroup } from "./page-types.ts";
import { expect, test } from "./test";

/** Reading comfort on a story page (issue 10): sharing it and printing it. */

test("Share copies the story's address where there is no Web Share, and says so", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Chromium on Linux has no Web Share; make sure, so this is the fallback path.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "share", { value: undefined, configurable: true });
  });
  await page.goto(`${SEED_STORY}?from=test#photo`);
  await page.getByRole("button", { name: "Share this story" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  // The story's own address: no query or fragment the reader happened to arrive with.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${SEED_STORY}`);
});

test("Share opens the system share sheet where the browser has Web Share", async ({
  page,
  baseURL,
}) => {
  await page.addInitScript(() => {
    const calls: ShareData[] = [];
    Object.assign(window, { shareCalls: calls });
    Object.defineProperty(navigator, "share", {
      configurable: true,
      value: async (data: ShareData) => {
        calls.push(data);
      },
    });
  });
  await page.goto(SEED_STORY);
  const headline = await page.getByRole("heading", { level: 1 }).textContent();
  await page.getByRole("button", { name: "Share this story" }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shareCalls: ShareData[] }).shareCalls))
    .toEqual([{ title: headline, url: `${baseURL}${SEED_STORY}` }]);
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toHaveCount(0);
});

test("a printed story has its headline, byline, date, photos with captions and text, and none of the site around it", async ({
  page,
}) => {
  await page.goto(SEED_STORY);
  await page.emulateMedia({ media: "print" });
  const article = page.getByRole("main").getByRole("article");
  await expect(article.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(article.getByText("VOA News", { exact: true })).toBeVisible();
  await expect(article.locator("time").first()).toBeVisible();
  const figures = article.getByRole("figure");
  expect(await figures.count()).toBeGreaterThan(0);
  for (const figure of await figures.all()) {
    await expect(figure.locator("img")).toBeVisible();
    await expect(figure.locator("figcaption")).toBeVisible();
  }
  await expect(article.locator(".story-body > p").first()).toBeVisible();
  // Black on white, whatever the screen's theme.
  await expect(article.getByRole("heading", { level: 1 })).toHaveCSS("color", "rgb(0, 0, 0)");

  for (const [what, hidden] of [
    ["header", page.getByRole("banner")],
    ["topics", page.getByRole("navigation", { name: "Topics" })],
    ["Breaking News banner", page.getByRole("region", { name: "Breaking News" })],
    ["text size control", textSizeGroup(page)],
    ["side column", page.getByRole("complementary")],
    ["share button", page.getByRole("button", { name: "Share this story" })],
    ["previous and next", page.getByRole("navigation", { name: "Previous and next story" })],
    ["related stories", page.getByRole("region", { name: "Related stories" })],
    ["site footer", page.getByRole("contentinfo")],
    ["skip links", page.getByRole("link", { name: "Skip to main content" })],
  ] as const) {
    await expect(hidden, `${what} is not printed`).toHaveCount(0);
  }

  // On screen again, they are all back.
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("button", { name: "Share this story" })).toBeVisible();
});
