import { feedStories, SEED_STORY } from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, test } from "./test";

/**
 * Addresses a reader might type, paste or be sent. Each ends on a sensible page: the right
 * content at its canonical address, or "Page not found" with a way home. Never a blank page,
 * never an uncaught error, never a console error other than the browser's own 404 line.
 */

const SEED_ID = SEED_STORY.replace(/^\/stories\//, "");
const SEED_HEADLINE = "Iran's president commits to deeper ties with Russia as Shoigu visits Tehran";
const NOT_FOUND = "Page not found";

type Case = {
  path: string;
  /** Where the reader ends up (path and query), when not where they started. */
  lands?: string;
  heading: string;
  /** Stories listed in the feed on that page, if it is a feed. */
  stories?: number | "all";
};

const cases: Case[] = [
  { path: "/stories/no-such-story", heading: NOT_FOUND },
  { path: "/stories/NO-SUCH-STORY", lands: "/stories/no-such-story", heading: NOT_FOUND },
  { path: "/topics/no-such-topic", heading: NOT_FOUND },
  { path: "/no/such/page", heading: NOT_FOUND },
  { path: "/stories/", lands: "/stories", heading: NOT_FOUND },
  { path: "/topics/", lands: "/topics", heading: NOT_FOUND },
  // Path tricks: never fetched, never rendered as something else, never another site.
  { path: "/stories/..%2F..%2Fapi%2Ftopics", heading: NOT_FOUND },
  { path: "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E", heading: NOT_FOUND },
  { path: `/stories/${"a".repeat(2000)}`, heading: NOT_FOUND },
  { path: "//evil.example/", lands: "/evil.example", heading: NOT_FOUND },
  { path: "//evil.example/topics/iran/", lands: "/evil.example/topics/iran", heading: NOT_FOUND },
  { path: "//topics/iran/", lands: "/topics/iran", heading: "Iran", stories: 10 },
  // Trailing slashes and mixed case reach the page at its one address.
  { path: "/topics/iran/", lands: "/topics/iran", heading: "Iran", stories: 10 },
  { path: "/Topics/Iran", lands: "/topics/iran", heading: "Iran", stories: 10 },
  { path: "/TOPICS/IRAN/?page=2", lands: "/topics/iran?page=2", heading: "Iran", stories: "all" },
  { path: `${SEED_STORY}/`, lands: SEED_STORY, heading: SEED_HEADLINE },
  {
    path: `/stories/${SEED_ID.toUpperCase()}`,
    lands: SEED_STORY,
    heading: SEED_HEADLINE,
  },
  { path: `/Stories/${SEED_ID}`, lands: SEED_STORY, heading: SEED_HEADLINE },
];

// `?page=` on the front page and on a topic: nonsense shows the first page; too many shows all.
for (const [feed, heading] of [
  ["/", "Breaking News"],
  ["/topics/iran", "Iran"],
] as const) {
  for (const value of ["abc", "0", "-1", "1e9", "2.5", ""]) {
    cases.push({ path: `${feed}?page=${value}`, lands: feed, heading, stories: 10 });
  }
  cases.push({ path: `${feed}?page=99999`, heading, stories: "all" });
}

for (const { path, lands, heading, stories } of cases) {
  test(`${path} → ${heading}`, async ({ page, baseURL }) => {
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
