import { PAGE_TYPES } from "./page-types.ts";
import { expect, type Page, test } from "./test";

/**
 * What assistive technology reads from the markup, on every page type: landmarks, one h1 and
 * no skipped heading levels, figures named by their captions, machine-readable times, a
 * title per page; plus the Load more status message and focus on route changes.
 */

const main = (page: Page) => page.getByRole("main");
const h1 = (page: Page) => main(page).getByRole("heading", { level: 1 });

/** ISO 8601 / HTML "global date and time": date, time, and a zone (Z or ±hh:mm). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

for (const pageType of PAGE_TYPES) {
  test(`${pageType.name}: landmarks, headings, figures, times and title`, async ({ page }) => {
    await pageType.open(page);

    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Topics" })).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    // A story page keeps its breaking news in the side column, not in a banner above the story.
    const storyPage = pageType.name.endsWith("story");
    await expect(page.getByRole("region", { name: "Breaking News" })).toHaveCount(
      storyPage ? 0 : 1,
    );
    await expect(
      page
        .getByRole("complementary", { name: "More stories" })
        .getByRole("region", { name: "More breaking stories" }),
    ).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Special Report" })).toHaveCount(1);
    // The side column (beside the page at this width) holds the Special Report.
    await expect(
      page
        .getByRole("complementary", { name: "More stories" })
        .getByRole("region", { name: "Special Report" }),
    ).toHaveCount(1);
    // The banner holds the site name and the text size; the topics are its navigation.
    await expect(page.getByRole("banner").getByRole("link", { name: "Dispatch" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("group", { name: "Text size" })).toBeVisible();

    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(h1(page)).toHaveCount(1);
    const levels = await page
      .getByRole("heading")
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0], "the first heading is the h1").toBe(1);
    for (let i = 1; i < levels.length; i++) {
      expect(
        levels[i] ?? 0,
        `heading ${i + 1} (h${levels[i]}) after h${levels[i - 1]}: no skipped level`,
      ).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
    }

    // Every figure has a picture with alt text and a visible caption, and is named by it.
    const figures = page.locator("figure");
    const figureCount = await figures.count();
    // The hidden prefix is in the story's language ("Image caption, ", "توضیح تصویر، ").
    await expect(
      page.getByRole("figure", { name: /^(Image caption, |توضیح تصویر، )\S/ }),
    ).toHaveCount(figureCount);
    for (const figure of await figures.all()) {
      await expect(figure.getByRole("img")).toHaveAttribute("alt", /\S/);
      await expect(figure.locator("figcaption")).toBeVisible();
    }

    const times = await page.locator("time").evaluateAll((elements) =>
      elements.map((element) => ({
        datetime: element.getAttribute("datetime") ?? "",
        text: element.textContent ?? "",
        full: element.getAttribute("title") ?? "",
      })),
    );
    for (const time of times) {
      expect(time.datetime, `<time>${time.text}</time>`).toMatch(ISO_DATE_TIME);
      expect(Number.isNaN(Date.parse(time.datetime))).toBe(false);
      expect(time.text.trim()).not.toBe("");
      // The full date and time is in the text assistive technology reads, not only in title.
      expect(time.full, `<time>${time.text}</time> has a full date`).toMatch(/\S.*UTC$/);
      expect(time.text).toContain(time.full);
    }

    // The page's own title comes first in <head>, so it is the document's title. (index.html
    // still carries a static <title>Dispatch</title> after it for the page before any script
    // runs; see the report: prerendering is the place to drop it.)
    await expect(page).toHaveTitle(`${await h1(page).textContent()} — Dispatch`);
    expect(await page.locator("head title").first().textContent()).toBe(await page.title());
  });
}

test("the story pages that have figures and times really were checked", async ({ page }) => {
  const photos = PAGE_TYPES.find((p) => p.name === "several-photos story");
  await photos?.open(page);
  expect(await page.getByRole("main").getByRole("figure").count()).toBeGreaterThanOrEqual(3);
  expect(await page.getByRole("main").locator("time").count()).toBeGreaterThanOrEqual(1);
});

test("Load more is announced by a status message that exists before it speaks (4.1.3)", async ({
  page,
}) => {
  await page.goto("/");
  const status = page.getByRole("status");
  // A live region must already be in the page when its text changes, or nothing is read.
  await expect(status).toHaveCount(1);
  await expect(status).toHaveText("");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(status).toHaveText("10 more stories loaded");
  // The message is for assistive technology; the new stories are what sighted readers see.
  await expect(status).toHaveClass(/sr-only/);
});

test("every route change moves focus to the new page's h1 and changes the title", async ({
  page,
}) => {
  await page.goto("/");
  await expect(h1(page)).toHaveText("Breaking News");

  await page
    .getByRole("navigation", { name: "Topics" })
    .getByRole("link", { name: "Iran" })
    .click();
  await expect(h1(page)).toHaveText("Iran");
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle("Iran — Dispatch");

  const card = main(page).getByRole("article").first();
  const headline = (await card.getByRole("heading", { level: 2 }).textContent()) ?? "";
  await card.getByRole("heading", { level: 2 }).getByRole("link").click();
  await expect(h1(page)).toHaveText(headline);
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle(`${headline} — Dispatch`);

  await main(page).getByRole("article").getByRole("link", { name: "Iran", exact: true }).click();
  await expect(h1(page)).toHaveText("Iran");
  await expect(h1(page)).toBeFocused();

  await page.getByRole("banner").getByRole("link", { name: "Dispatch" }).click();
  await expect(h1(page)).toHaveText("Breaking News");
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle("Breaking News — Dispatch");

  // Load more is not a new page: focus goes to the first new story, not the h1.
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(
    page
      .getByRole("list", { name: "Breaking News stories" })
      .getByRole("article")
      .nth(10)
      .getByRole("link")
      .first(),
  ).toBeFocused();
});
