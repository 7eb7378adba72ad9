import { expect, type Page, test } from "./test";

const SEED_PARAGRAPH =
  "Iran's president committed his country to deeper ties with Russia to counter Western sanctions on Tuesday, state media reported, amid U.S. worries that Tehran is supplying Moscow missiles to hit Ukraine.";
const SEED_CAPTION =
  "A handout photo provided by the Iranian presidency shows President Masoud Pezeshkian, right, meeting with Russia's Security Council Secretary Sergei Shoigu in Tehran, Sept. 17, 2024.";
const SECOND_SEED_PARAGRAPH =
  "Jailed Nobel Peace Prize winner Narges Mohammadi on Monday urged the international community to act to end the oppression of women in Iran, two years after the start of a women-led protest movement.";

const story = (page: Page) => page.getByRole("main").getByRole("article");

async function openSeedStory(page: Page) {
  await page.goto("/topics/iran");
  const card = page
    .getByRole("list", { name: "Iran stories" })
    .getByRole("article")
    .filter({ has: page.locator('time[datetime^="2024-09-17"]') })
    .first();
  const headline = (await card.getByRole("heading", { level: 2 }).textContent()) ?? "";
  await card.getByRole("heading", { level: 2 }).getByRole("link").click();
  return headline;
}

test("a reader opens the seed story from the Iran feed and reads it whole", async ({ page }) => {
  const headline = await openSeedStory(page);
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeFocused();
  await expect(page).toHaveTitle(`${headline} — Dispatch`);
  await expect(story(page)).toHaveAttribute("lang", "en");
  await expect(story(page).getByText(SEED_PARAGRAPH)).toBeVisible();
  await expect(story(page).getByText("VOA News")).toBeVisible();
  await expect(story(page).locator('time[datetime^="2024-09-17"]').first()).toBeVisible();

  const figure = story(page).getByRole("figure").first();
  const image = figure.getByRole("img");
  await expect(image).toHaveAttribute("width", /^\d+$/);
  await expect(image).toHaveAttribute("height", /^\d+$/);
  await expect(image).toHaveAttribute("alt", /\S/);
  await expect(figure.locator("figcaption")).toHaveText(
    new RegExp(`^Image caption, ${escapeRegExp(SEED_CAPTION)}`),
  );
  // The image arrives after the client-side navigation: wait for it to decode.
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  await expect(story(page).getByRole("link", { name: "Iran", exact: true })).toBeVisible();
});

test("next and previous story links move between neighbours, each page starting at the top", async ({
  page,
}) => {
  await page.goto("/");
  const first = page.getByRole("main").getByRole("article").first();
  const firstHeadline = (await first.getByRole("heading", { level: 2 }).textContent()) ?? "";
  await first.getByRole("heading", { level: 2 }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: firstHeadline })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Previous story/ })).toHaveCount(0);

  const next = page.getByRole("link", { name: /^Next story/ });
  await next.scrollIntoViewIfNeeded();
  const nextHeadline = ((await next.textContent()) ?? "").replace(/^Next story/, "");
  await next.click();
  await expect(page.getByRole("heading", { level: 1, name: nextHeadline })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(100);

  await page.getByRole("link", { name: /^Previous story/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: firstHeadline })).toBeFocused();
});

test("the second seed story follows the first and keeps its FILE caption", async ({ page }) => {
  await openSeedStory(page);
  await page.getByRole("link", { name: /^Next story/ }).click();
  await expect(story(page).getByText(SECOND_SEED_PARAGRAPH)).toBeVisible();
  await expect(story(page).getByRole("figure").first().locator("figcaption")).toContainText(
    "FILE - Prominent Iranian human rights activist Narges Mohammadi",
  );
});

test("a story offers up to three related stories from its topic", async ({ page }) => {
  const headline = await openSeedStory(page);
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  const related = page.getByRole("region", { name: "Related stories" }).getByRole("link");
  await expect(related).not.toHaveCount(0);
  expect(await related.count()).toBeLessThanOrEqual(3);
  await expect(related.filter({ hasText: headline })).toHaveCount(0);
});

test("a Persian story reads right to left inside an English page", async ({ page }) => {
  await page.goto("/?page=99");
  const persian = page.getByRole("main").locator('article[lang="fa"]').first();
  await expect(persian).toHaveAttribute("dir", "rtl");
  const headline = (await persian.getByRole("heading", { level: 2 }).textContent()) ?? "";
  await persian.getByRole("heading", { level: 2 }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeFocused();
  await expect(story(page)).toHaveAttribute("lang", "fa");
  await expect(story(page)).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Persian calendar and digits.
  await expect(story(page).locator("time").first()).toHaveText(/[۰-۹]{4}/);
});

test("an unknown story shows the not-found view with a way home", async ({ page }) => {
  await page.goto("/stories/no-such-story");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found — Dispatch");
  await page.getByRole("link", { name: "Go to the Breaking News front page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeFocused();
});

// An unknown address or topic: bad-urls.spec.ts (heading, site frame, the way home).

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("a story loaded in full from a page the reader had scrolled starts at its top", async ({
  page,
}) => {
  await page.goto("/");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const last = page.getByRole("main").getByRole("article").last();
  await last.scrollIntoViewIfNeeded();
  const href =
    (await last.getByRole("heading", { level: 2 }).getByRole("link").getAttribute("href")) ?? "";
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  // A full page load, as when a link is followed before the app has loaded: React Router
  // must not put the story where the reader had left the front page.
  await page.goto(href);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
