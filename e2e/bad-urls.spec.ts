import { BAD_URL_CASES, type BadUrlCase, NOT_FOUND } from "./bad-url-cases.ts";
import { feedStories } from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, type Page, test } from "./test";

/**
 * Each address of e2e/bad-url-cases.ts, followed in the browser: it ends on a sensible page,
 * never a blank page, never an uncaught error, never a console error other than the browser's
 * own 404 line. The cases run in three groups, each in one page, one step per address.
 */

async function followsToASensiblePage(
  page: Page,
  baseURL: string | undefined,
  { path, lands, heading, stories }: BadUrlCase,
) {
  // The static host answers 404 for what it has no file for (mixed case included) before
  // the app corrects the address; the browser logs that 404 itself.
  const problems = watchPageProblems(page, {
    allowNotFound: heading === NOT_FOUND || lands !== undefined,
  });
  // Joined by hand: `page.goto("//evil.example/")` would itself leave for another host.
  await page.goto(`${baseURL}${path}`);

  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  // The frame of the site is there: never a blank page.
  await expect(page.getByRole("banner").getByRole("link", { name: "Dispatch" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Topics" })).toBeVisible();
  if (heading === NOT_FOUND) {
    await expect(
      page.getByRole("link", { name: "Go to the Breaking News front page" }),
    ).toBeVisible();
  }

  const url = new URL(page.url());
  expect(url.origin).toBe(new URL(baseURL ?? "").origin);
  if (stories === "all") {
    await expect(page.getByText("You’re all caught up.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
    expect(await feedStories(page, heading).count()).toBeGreaterThan(10);
    expect(url.searchParams.get("page")).toMatch(/^[1-9]\d?$/);
  } else if (stories !== undefined) {
    await expect(feedStories(page, heading)).toHaveCount(stories);
  }
  if (lands !== undefined || stories !== "all") {
    await expect(page).toHaveURL(`${baseURL}${lands ?? path}`);
  }
  expect(problems).toEqual([]);
}

const GROUPS: [title: string, cases: BadUrlCase[]][] = [
  [
    "addresses with no page end on “Page not found” with a way home",
    BAD_URL_CASES.filter((c) => c.heading === NOT_FOUND),
  ],
  [
    "mistyped addresses of a page reach it at its one address",
    BAD_URL_CASES.filter((c) => c.heading !== NOT_FOUND && !c.path.includes("?page=")),
  ],
  [
    "any ?page= shows a sensible number of stories",
    BAD_URL_CASES.filter((c) => c.path.includes("?page=")),
  ],
];

for (const [title, cases] of GROUPS) {
  test(title, async ({ page, baseURL }) => {
    // A filter that matched nothing would pass without a step.
    expect(cases.length, "cases in this group").toBeGreaterThan(0);
    test.setTimeout(cases.length * 10_000);
    for (const badUrl of cases) {
      await test.step(`${badUrl.path} → ${badUrl.heading}`, () =>
        followsToASensiblePage(page, baseURL, badUrl));
    }
  });
}

test("a path that is not an id is never fetched", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto("/stories/..%2F..%2Fapi%2Ftopics");
  await expect(page.getByRole("heading", { level: 1, name: NOT_FOUND })).toBeVisible();
  expect(requested.filter((path) => path.startsWith("/api/stories/"))).toEqual([]);
});

test("a corrected address replaces the mistyped one, so Back does not return to it", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
  await page.goto("/Topics/Iran/");
  await expect(page).toHaveURL(/\/topics\/iran$/);
  await page.goBack();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
});
