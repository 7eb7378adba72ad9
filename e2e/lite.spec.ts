import type { FeedArchivePage, FeedHead } from "../src/content/api-types.ts";
import { chooseTextSize, PERSIAN_STORY, SEED_STORY } from "./page-types.ts";
import { runAxe } from "./support/axe.ts";
import { expect, type Page, test } from "./test";

/**
 * The lite pages (docs/design.md#lite-pages): plain prerendered HTML for slow and metered
 * connections, reached from every full page and back.
 */

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const lite = (path: string) => `/lite${path}`;
const fontSize = (page: Page) =>
  page
    .locator(".page")
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));

async function expectAxeClean(page: Page, what: string) {
  const results = await runAxe(page, { tags: AXE_TAGS });
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`),
    what,
  ).toEqual([]);
}

test("a full story and its lite page link to each other, and the size chosen on the full page carries over", async ({
  page,
  baseURL,
}) => {
  await page.goto(SEED_STORY);
  await expect(page.locator(`link[rel="alternate"][href="${lite(SEED_STORY)}"]`)).toHaveCount(1);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  await chooseTextSize(page, "LG");

  await page.getByRole("link", { name: "Lite version" }).click();
  await expect(page).toHaveURL(`${baseURL}${lite(SEED_STORY)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Iran's president/);
  // The lite page names the full story as its canonical address, and links back to it.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", canonical ?? "");
  await expect(page.locator(`link[rel="alternate"][href="${SEED_STORY}"]`)).toHaveCount(1);
  // The remembered LG, applied by the one inline script: 1.4375rem, as on full pages.
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "lg");
  expect(await fontSize(page)).toBe(23);
  await expectAxeClean(page, "lite story");

  await page.getByRole("link", { name: "Full version" }).click();
  await expect(page).toHaveURL(`${baseURL}${SEED_STORY}`);
});

test("the lite front page lists the newest 30 or more headlines with their time, then pages back through the archive", async ({
  page,
  request,
}) => {
  const head = (await (await request.get("/api/feeds/breaking-news/head.json")).json()) as FeedHead;
  const pages: FeedArchivePage[] = [];
  for (let next = head.next; next !== null; next = pages.at(-1)?.next ?? null)
    pages.push(await (await request.get(`/archive/breaking-news/${next}.json`)).json());
  const newestFirst = [head, ...pages].flatMap((chunk) => chunk.stories);
  expect(newestFirst.length, "the content has stories beyond the lite front").toBeGreaterThan(40);

  await page.goto("/");
  await page.getByRole("link", { name: "Lite version" }).click();
  await expect(page).toHaveURL(/\/lite\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Breaking News");
  const items = page.getByRole("main").getByRole("listitem");
  const shown = await items.count();
  expect(shown).toBeGreaterThanOrEqual(30);
  expect(shown).toBeLessThan(40);
  const headlines = await items.getByRole("link").allTextContents();
  expect(headlines).toEqual(newestFirst.slice(0, shown).map((story) => story.headline));
  await expect(items.first().locator("time")).toHaveAttribute(
    "datetime",
    newestFirst[0]?.publishedAt ?? "",
  );
  await expect(page.locator("img, script[src], link[rel=stylesheet]")).toHaveCount(0);
  await expectAxeClean(page, "lite front page");

  // Older: the next archive page, starting right after the front's last headline.
  await page.getByRole("link", { name: "Older stories" }).click();
  await expect(page).toHaveURL(/\/lite\/archive\/breaking-news\/\d+$/);
  expect(await items.getByRole("link").allTextContents()).toEqual(
    newestFirst.slice(shown, shown + 10).map((story) => story.headline),
  );
  await page.getByRole("link", { name: "Newest stories" }).click();
  await expect(page).toHaveURL(/\/lite\/$/);
});

test.describe("a lite page alone", () => {
  // No app to wait for: a lite page has none.
  test.use({ waitForApp: false });

  test("the Persian lite story reads right to left, its page chrome left to right", async ({
    page,
  }) => {
    await page.goto(lite(PERSIAN_STORY));
    const article = page.getByRole("article");
    await expect(article).toHaveAttribute("lang", "fa");
    await expect(article).toHaveAttribute("dir", "rtl");
    await expect(article.getByRole("heading", { level: 1 })).toHaveCSS("direction", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Text size" })).toHaveCSS("direction", "ltr");
    await expectAxeClean(page, "Persian lite story");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAxeClean(page, "Persian lite story, dark");
  });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false, waitForApp: false });

  test("a lite story loads nothing but itself, changes size by links, and shows a photo only when asked", async ({
    page,
    request,
  }) => {
    const requests: string[] = [];
    page.on("request", (sent) =>
      requests.push(`${sent.resourceType()} ${new URL(sent.url()).pathname}`),
    );
    await page.goto(lite(SEED_STORY));
    expect(requests).toEqual([`document ${lite(SEED_STORY)}`]);

    const md = await fontSize(page);
    const sizes = page.getByRole("navigation", { name: "Text size" });
    await sizes.getByRole("link", { name: "LG (large)" }).click();
    const lg = await fontSize(page);
    await sizes.getByRole("link", { name: "XS (extra small)" }).click();
    const xs = await fontSize(page);
    expect([xs < md, lg > md]).toEqual([true, true]);
    expect(requests, "a size is a link inside the page: no request").toHaveLength(1);

    // The seed story's photo: a link naming what it costs, its caption and credit beside it.
    const article = page.getByRole("article");
    const figure = article.getByRole("figure").first();
    const photo = figure.getByRole("link", { name: /^Show image, \d+ KB\b/ });
    await expect(figure).toContainText("Image caption,");
    const href = (await photo.getAttribute("href")) ?? "";
    const bytes = (await (await request.get(href)).body()).length;
    expect(await photo.textContent()).toMatch(
      new RegExp(`^Show image, ${Math.round(bytes / 1000)} KB\\b`),
    );
    const opened = page.waitForResponse((response) => new URL(response.url()).pathname === href);
    await photo.click();
    expect((await opened).headers()["content-type"]).toBe("image/jpeg");

    // The search form is a plain GET to the full search page.
    await page.goto(lite(SEED_STORY));
    await page.getByRole("searchbox", { name: "Search stories" }).fill("Shoigu");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=Shoigu$/);
  });
});
