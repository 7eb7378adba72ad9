import { watchPageProblems } from "./support/page-problems";
import { expect, test } from "./test";

/** Requests for any part of the search: Pagefind's files or the search page's code. */
const isSearchFile = (url: string) => /\/pagefind\/|\/assets\/search-page-/.test(url);

test("a reader searches from a story page: results, marks, topic filter, Load more, Persian, none found", async ({
  page,
}) => {
  const problems = watchPageProblems(page);
  const searchRequests: string[] = [];
  page.on("request", (request) => {
    if (isSearchFile(request.url())) searchRequests.push(request.url());
  });
  await page.goto("/stories/saffron-harvest-explained");
  // Nothing of search is fetched until the reader goes to the box.
  await page.waitForLoadState("networkidle");
  expect(searchRequests).toEqual([]);

  const header = page.getByRole("banner");
  const search = header.getByRole("search");
  const box = search.getByRole("searchbox", { name: "Search stories" });
  await box.focus();
  await expect
    .poll(() => searchRequests.some((url) => url.endsWith("/pagefind/pagefind.js")))
    .toBe(true);
  await box.fill("water");
  await box.press("Enter");

  await expect(page).toHaveURL(/\/search\?q=water$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^\d+ stories for “water”$/);
  const total = Number((await heading.textContent())?.split(" ")[0]);
  expect(total).toBeGreaterThan(10);
  await expect(page).toHaveTitle("water — Search — Dispatch");
  const list = page.getByRole("list", { name: "Stories for “water”" });
  const results = list.getByRole("listitem");
  await expect(results).toHaveCount(10);
  // The count is announced politely.
  await expect(page.getByRole("status")).toHaveText(`${total} stories for “water”`);
  // The best match first: a story about water, its headline the link, a topic and a date.
  const first = results.first();
  await expect(first.getByRole("heading", { level: 2 }).getByRole("link")).toHaveAttribute(
    "href",
    /^\/stories\/[a-z0-9-]+$/,
  );
  await expect(first.locator("time[datetime]")).toHaveCount(1);
  // The matches are marked, and the marks are the only elements in an excerpt.
  const marks = list.locator("mark");
  expect((await marks.allTextContents()).some((text) => /^water/i.test(text))).toBe(true);
  expect(await list.locator("article > p:first-of-type *:not(mark)").count()).toBe(0);
  // Only what the page shows is searched: never the captions' screen-reader prefixes.
  for (const excerpt of await list.locator("article > p:first-of-type").allTextContents())
    expect(excerpt).not.toMatch(/Image caption|Credit:/);

  // Load more: focus goes to the first new result and the count of new ones is announced.
  await page.getByRole("button", { name: "Load more" }).click();
  const added = Math.min(total - 10, 10);
  await expect(results).toHaveCount(10 + added);
  await expect(results.nth(10).getByRole("link").first()).toBeFocused();
  await expect(page.getByRole("status")).toHaveText(
    `${added} more ${added === 1 ? "story" : "stories"} loaded`,
  );

  // The topic filter narrows the same words to one topic, in the address too.
  await page.getByRole("combobox", { name: "Topic" }).selectOption({ label: "Iran" });
  await expect(page).toHaveURL(/[?&]topic=iran/);
  await expect(heading).toHaveText(/^\d+ stor(y|ies) for “water”$/);
  const inIran = Number((await heading.textContent())?.split(" ")[0]);
  expect(inIran).toBeLessThan(total);
  expect(inIran).toBeGreaterThan(0);

  // Results follow the words as the reader types: a Persian word finds the Persian story,
  // which reads right to left.
  await page.getByRole("combobox", { name: "Topic" }).selectOption({ label: "All topics" });
  const pageBox = page.getByRole("main").getByRole("searchbox", { name: "Search stories" });
  await pageBox.fill("چای");
  await expect(heading).toHaveText("1 story for “چای”");
  const persian = page.getByRole("list", { name: "Stories for “چای”" }).getByRole("article");
  await expect(persian).toHaveAttribute("lang", "fa");
  await expect(persian).toHaveAttribute("dir", "rtl");
  await expect(persian.locator("mark").first()).toHaveText("چای");
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent("چای")}`);

  // Nothing found: said plainly, with suggestions.
  await pageBox.fill("zxqvw");
  await expect(heading).toHaveText("No stories found for “zxqvw”");
  await expect(page.getByRole("status")).toHaveText("No stories found for “zxqvw”");
  await expect(
    page.getByText("Check the spelling, or try fewer or different words."),
  ).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Breaking News" })).toBeVisible();
  // The search page has one search landmark: its own.
  await expect(page.getByRole("search")).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("a shared /search address opens straight to its results; a phone opens the box with a Search button", async ({
  page,
}) => {
  const problems = watchPageProblems(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/search?q=${encodeURIComponent("saffron")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^\d+ stor(y|ies) for “saffron”$/,
  );
  await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue("saffron");

  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search stories" });
  await expect(box).toBeHidden();
  // The disclosure's summary, which a screen reader hears as a collapsed "Search" button.
  const button = page.getByRole("banner").locator("summary", { hasText: "Search" });
  await button.click();
  await expect(box).toBeVisible();
  await box.fill("saffron");
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^\d+ stor(y|ies) for “saffron”$/,
  );
  // The keyboard: the first result is the next stop after the search form.
  await expect(
    page.getByRole("list", { name: "Stories for “saffron”" }).getByRole("link").first(),
  ).toBeVisible();
  expect(problems).toEqual([]);
});
