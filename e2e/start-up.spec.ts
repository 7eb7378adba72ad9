import {
  feedStories,
  readingFontSize,
  SEED_STORY,
  TEXT_SIZES,
  textSizeGroup,
} from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, type Page, test } from "./test";

/**
 * The page before the app: the inline start-up script answers the first press at once, loads
 * the app when the page is idle (or at once for `?page=N`), and hands over to it without a
 * flicker. These tests drive the prerendered page themselves, so `goto` does not wait for the
 * app (nor move the mouse, which would start it).
 */
test.use({ waitForApp: false });

const STORAGE_KEY = "dispatch:text-size";
const sizeButton = (page: Page, name: string) =>
  textSizeGroup(page).getByRole("button", { name, exact: true });
const appReady = (page: Page) => page.locator("html[data-hydrated]");

/** Exactly one text-size button, `name`, says it is pressed. */
async function expectChosen(page: Page, name: string) {
  for (const size of TEXT_SIZES) {
    await expect(sizeButton(page, size.name)).toHaveAttribute(
      "aria-pressed",
      String(size.name === name),
    );
  }
}

/** Holds the app's entry module back until `release()` is called. */
async function holdApp(page: Page) {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/assets/index-*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("the first press before the app is ready: text size at once, Load more busy at once, then the stories", async ({
  page,
}) => {
  const problems = watchPageProblems(page);
  const release = await holdApp(page);
  await page.goto("/", { waitUntil: "load" });
  const atLoad = await readingFontSize(page);

  await sizeButton(page, "LG large, 4 of 4").click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "lg");
  await expectChosen(page, "LG large, 4 of 4");
  expect(await readingFontSize(page)).toBeGreaterThan(atLoad);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe("lg");

  await page.getByRole("button", { name: "Load more" }).click();
  const busy = page.getByRole("button", { name: "Loading more stories…" });
  await expect(busy).toHaveAttribute("aria-disabled", "true");
  // A second press, as an impatient reader would: still one busy button, still one press.
  await busy.click({ force: true });
  await expect(busy).toHaveCount(1);
  // All of that happened without the app.
  await expect(appReady(page)).toHaveCount(0);
  expect(await feedStories(page).count()).toBe(10);

  release();
  await expect(feedStories(page)).toHaveCount(20);
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(feedStories(page).nth(10).getByRole("link").first()).toBeFocused();
  await expect(page.getByRole("status")).toHaveText("10 more stories loaded");
  await expect(page.getByRole("button", { name: "Load more" })).not.toHaveAttribute(
    "aria-disabled",
    "true",
  );
  // The app adopted the size chosen before it: nothing flipped back.
  await expect(appReady(page)).toHaveCount(1);
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "lg");
  await expectChosen(page, "LG large, 4 of 4");
  expect(problems).toEqual([]);
});

test("with the app's JavaScript blocked, text size still works and is remembered; Load more stays pressable", async ({
  page,
}) => {
  await page.route("**/assets/*.js", (route) => route.abort());
  await page.goto(SEED_STORY, { waitUntil: "load" });
  const atLoad = await readingFontSize(page);
  await sizeButton(page, "SM small, 2 of 4").click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "sm");
  await expectChosen(page, "SM small, 2 of 4");
  expect(await readingFontSize(page)).toBeLessThan(atLoad);

  await page.reload({ waitUntil: "load" });
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "sm");
  await expectChosen(page, "SM small, 2 of 4");
  await sizeButton(page, "MD medium, 3 of 4").click();
  await expectChosen(page, "MD medium, 3 of 4");
  await expect(page.locator("html")).not.toHaveAttribute("data-text-size");
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe("md");

  // Load more cannot finish without the app: it does not stay busy, and nothing is lost.
  await page.goto("/", { waitUntil: "load" });
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByRole("button", { name: "Load more" })).not.toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expect(feedStories(page)).toHaveCount(10);
  await expect(appReady(page)).toHaveCount(0);
});

test("untouched, the app starts by itself once the page is idle, keeping the reader's place; ?page=3 starts it at once and a reload lands on the same story", async ({
  page,
}) => {
  const problems = watchPageProblems(page);
  const release = await holdApp(page);
  await page.goto("/", { waitUntil: "load" });
  // The reader scrolls (no touch, key or pointer: scrolling alone does not start the app)...
  await feedStories(page).nth(7).scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(500);
  // ...and the app, asked for once the page has settled (3 s) and gone idle, arrives meanwhile.
  release();
  await expect(appReady(page)).toHaveCount(1, { timeout: 10_000 });
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.unrouteAll();

  // A shared link to three pages: 30 stories without anyone touching the page.
  await page.goto("/?page=3", { waitUntil: "load" });
  const stories = feedStories(page);
  await expect(stories).toHaveCount(30);
  const headline = stories.nth(24).getByRole("heading", { level: 2 });
  const title = await headline.textContent();
  await headline.scrollIntoViewIfNeeded();
  await page.evaluate(() => scrollBy(0, -100));
  const top = await headline.evaluate((element) => element.getBoundingClientRect().top);

  await page.reload({ waitUntil: "load" });
  await expect(stories).toHaveCount(30);
  await expect(page).toHaveURL(/\/\?page=3$/);
  const restored = stories.nth(24).getByRole("heading", { level: 2 });
  await expect(restored).toHaveText(title ?? "");
  await expect(restored).toBeInViewport();
  await expect
    .poll(() => restored.evaluate((element) => element.getBoundingClientRect().top))
    .toBeCloseTo(top, -1);
  expect(problems).toEqual([]);
});
