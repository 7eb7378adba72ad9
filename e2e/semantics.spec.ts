import { expect, type Page, test } from "./test";

/**
 * What assistive technology is told as the reader acts: the Load more status message and focus
 * on route changes. What it reads from the markup of every page type (landmarks, headings,
 * figures, times, title) is a step of e2e/a11y-sweep.spec.ts.
 */

const main = (page: Page) => page.getByRole("main");
const h1 = (page: Page) => main(page).getByRole("heading", { level: 1 });

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
