import type { Route } from "@playwright/test";
import { feedStories } from "./page-types.ts";
import { expect, type Page, test } from "./test";

/**
 * What a reader sees when the network fails them. Every test runs on Playwright's fake clock
 * so a hanging server, the client's retry back-off and "a minute later" take no real time,
 * and every test counts the requests: the first try plus at most two retries, never a storm.
 */

const headlines = (page: Page) => feedStories(page).getByRole("heading", { level: 2 });

/** First try plus the query client's two retries (src/app/query-client.ts). */
const MAX_ATTEMPTS = 3;
/** How long a hanging server is left hanging: well past any timeout a reader would accept. */
const HANG_MS = 30_000;
const LOAD_MORE_FAILED = "More stories could not be loaded. Check your connection and try again.";

type Fault = {
  name: string;
  fail: (route: Route) => Promise<void>;
  /** The request never answers: the client's own timeout has to end it. */
  hangs?: boolean;
};

const faults: Fault[] = [
  {
    name: "answers 500",
    fail: (route) => route.fulfill({ status: 500, body: "Internal Server Error" }),
  },
  {
    name: "answers 503 with an HTML error page",
    fail: (route) =>
      route.fulfill({
        status: 503,
        contentType: "text/html",
        body: "<h1>Service Unavailable</h1>",
      }),
  },
  { name: "is aborted", fail: (route) => route.abort("connectionreset") },
  {
    name: "returns invalid JSON",
    fail: (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        body: '{"feed":"breaking-news","page":2,"stories":[{"id":',
      }),
  },
  // A request that never answers is not handled at all: the route stays pending.
  { name: "hangs", fail: async () => {}, hangs: true },
];

/** Serves `pattern` through `fail` until `recover()` is called, counting every request. */
async function breakNetwork(page: Page, pattern: string, fail: Fault["fail"]) {
  const state = { requests: 0, healthy: false };
  await page.route(pattern, (route) => {
    state.requests += 1;
    return state.healthy ? route.continue() : fail(route);
  });
  return {
    requests: () => state.requests,
    recover: () => {
      state.healthy = true;
    },
  };
}

/** Lets a hanging request time out, once per attempt, while the page shows it is loading. */
async function outwaitHangs(page: Page, requests: () => number, stillLoading: () => Promise<void>) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    await expect.poll(requests).toBe(attempt);
    await stillLoading();
    await page.clock.fastForward(HANG_MS);
  }
}

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test.describe("Load more when the next page fails", () => {
  for (const fault of faults) {
    test(`${fault.name}: a message and Try again where the button was, nothing lost, retry works`, async ({
      page,
    }) => {
      const network = await breakNetwork(page, "**/archive/breaking-news/*.json", fault.fail);
      await page.goto("/");
      await expect(feedStories(page)).toHaveCount(10);
      const loaded = await headlines(page).allTextContents();

      const loadMore = page.getByRole("button", { name: "Load more" });
      // Marks the control itself, to show that "Try again" takes its place rather than moving.
      await loadMore.evaluate((button) => button.setAttribute("data-e2e-was", "load-more"));
      await loadMore.click();

      const loading = page.getByRole("button", { name: "Loading more stories…" });
      if (fault.hangs) {
        await outwaitHangs(page, network.requests, async () => {
          await expect(loading).toHaveAttribute("aria-disabled", "true");
          await expect(feedStories(page)).toHaveCount(10);
        });
      }

      await expect(page.getByRole("alert")).toHaveText(LOAD_MORE_FAILED);
      const tryAgain = page.getByRole("button", { name: "Try again" });
      await expect(tryAgain).toHaveAttribute("data-e2e-was", "load-more");
      await expect(tryAgain).not.toHaveAttribute("aria-disabled", "true");
      await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
      expect(await headlines(page).allTextContents()).toEqual(loaded);
      await expect(page).toHaveURL(/\/$/);

      expect(network.requests()).toBe(MAX_ATTEMPTS);
      // A reader who leaves the message on screen for a minute causes no more requests.
      await page.clock.fastForward(60_000);
      expect(network.requests()).toBe(MAX_ATTEMPTS);

      network.recover();
      await tryAgain.click();
      await expect(feedStories(page)).toHaveCount(20);
      expect(network.requests()).toBe(MAX_ATTEMPTS + 1);
      expect((await headlines(page).allTextContents()).slice(0, 10)).toEqual(loaded);
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page).toHaveURL(/\/\?page=2$/);
      await expect(feedStories(page).nth(10).getByRole("link").first()).toBeFocused();
      await expect(page.getByRole("button", { name: "Load more" })).toBeVisible();
    });
  }
});

test("a prefetch of the next page that failed is not repeated until the reader presses Load more", async ({
  page,
}) => {
  const network = await breakNetwork(page, "**/archive/breaking-news/*.json", (route) =>
    route.fulfill({ status: 500, body: "Internal Server Error" }),
  );
  await page.goto("/");
  const loadMore = page.getByRole("button", { name: "Load more" });
  // Nearing the button prefetches the next page; that fails quietly, after its retries.
  await loadMore.scrollIntoViewIfNeeded();
  await expect.poll(network.requests).toBe(MAX_ATTEMPTS);
  await page.clock.fastForward(60_000);
  await loadMore.hover();
  await loadMore.focus();
  await page.clock.fastForward(60_000);
  expect(network.requests()).toBe(MAX_ATTEMPTS);
  await expect(page.getByRole("alert")).toHaveCount(0);

  await loadMore.click();
  await expect(page.getByRole("alert")).toHaveText(LOAD_MORE_FAILED);
  expect(network.requests()).toBe(2 * MAX_ATTEMPTS);
  await expect(feedStories(page)).toHaveCount(10);
});

test.describe("a story whose request fails", () => {
  for (const fault of faults) {
    test(`${fault.name}: an error view with Try again, not "Page not found"; retry shows the story`, async ({
      page,
    }) => {
      await page.goto("/");
      const link = feedStories(page).nth(1).getByRole("heading", { level: 2 }).getByRole("link");
      const headline = (await link.textContent()) ?? "";
      const id = ((await link.getAttribute("href")) ?? "").replace("/stories/", "");
      expect(id).toMatch(/^[a-z0-9-]+$/);
      const network = await breakNetwork(page, `**/api/stories/${id}.json`, fault.fail);

      await link.click();
      if (fault.hangs) {
        await outwaitHangs(page, network.requests, async () => {
          // The reader stays on the feed, with everything on it, while the story is on its way.
          await expect(
            page.getByRole("heading", { level: 1, name: "Breaking News" }),
          ).toBeVisible();
        });
      }

      const failed = page.getByRole("heading", { level: 1, name: "Could not load this page" });
      await expect(failed).toBeVisible();
      await expect(page).toHaveTitle("Could not load this page — Dispatch");
      await expect(page.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
      await expect(page).toHaveURL(`/stories/${id}`);
      // The rest of the page still works: header, topics, Special Report.
      await expect(page.getByRole("navigation", { name: "Topics" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Special Report" })).toBeVisible();

      expect(network.requests()).toBe(MAX_ATTEMPTS);
      await page.clock.fastForward(60_000);
      expect(network.requests()).toBe(MAX_ATTEMPTS);

      network.recover();
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
      expect(network.requests()).toBe(MAX_ATTEMPTS + 1);
    });
  }

  test("a page whose code fails to load says so, and Try again loads it afresh", async ({
    page,
  }) => {
    await page.goto("/");
    const link = feedStories(page).first().getByRole("heading", { level: 2 }).getByRole("link");
    const headline = (await link.textContent()) ?? "";
    // The story page's code is split from the feed's; the server drops it once.
    let dropped = 0;
    await page.route("**/assets/story-page-*.js", (route) => {
      dropped += 1;
      return dropped === 1 ? route.abort("connectionreset") : route.continue();
    });
    await link.click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Could not load this page" }),
    ).toBeVisible();
    await expect(
      page.getByText("Part of the app could not be loaded. Check your connection and try again."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Could not load this page" })).toHaveCount(0);
  });
});

test.describe("going offline mid-session", () => {
  // A polite live region (not role="status": the feed's Load more message is the page's status).
  const liveRegion = (page: Page) => page.locator('[aria-live="polite"]');
  const offlineNotice = (page: Page) => liveRegion(page).filter({ hasText: "You are offline." });
  const onlineNotice = (page: Page) => liveRegion(page).filter({ hasText: "You are back online." });

  function countApiRequests(page: Page) {
    const seen: string[] = [];
    page.on("request", (request) => {
      if (/^\/(api|archive)\//.test(new URL(request.url()).pathname)) seen.push(request.url());
    });
    return seen;
  }

  test("is announced, cached pages stay readable, and coming back is announced", async ({
    page,
    context,
  }) => {
    await page.goto("/");
    await expect(feedStories(page)).toHaveCount(10);
    const loaded = await headlines(page).allTextContents();
    const firstLink = headlines(page).first().getByRole("link");
    await firstLink.click();
    await expect(page.getByRole("heading", { level: 1, name: loaded[0] })).toBeVisible();
    await expect(offlineNotice(page)).toHaveCount(0);

    const requests = countApiRequests(page);
    await context.setOffline(true);
    await expect(offlineNotice(page)).toHaveText(
      "You are offline. Pages you have already opened stay readable; anything new loads when you are back online.",
    );
    // The story on screen stays.
    await expect(page.getByRole("heading", { level: 1, name: loaded[0] })).toBeVisible();

    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
    expect(await headlines(page).allTextContents()).toEqual(loaded);
    await page.goForward();
    await expect(page.getByRole("heading", { level: 1, name: loaded[0] })).toBeVisible();
    await expect(offlineNotice(page)).toBeVisible();
    expect(requests).toEqual([]);

    await context.setOffline(false);
    await expect(onlineNotice(page)).toBeVisible();
    await expect(offlineNotice(page)).toHaveCount(0);
    // The notice goes away by itself once there is nothing to say.
    await page.clock.fastForward(10_000);
    await expect(onlineNotice(page)).toHaveCount(0);
  });

  test("Load more and a new story wait for the network instead of failing, then load", async ({
    page,
    context,
  }) => {
    await page.goto("/");
    await expect(feedStories(page)).toHaveCount(10);
    const requests = countApiRequests(page);
    await context.setOffline(true);
    await expect(offlineNotice(page)).toBeVisible();

    await page.getByRole("button", { name: "Load more" }).click();
    const waiting = page.getByRole("button", { name: "Waiting for the connection…" });
    await expect(waiting).toHaveAttribute("aria-disabled", "true");
    // An impatient reader presses again (force: it is aria-disabled).
    await waiting.click({ force: true });
    await page.clock.fastForward(60_000);
    await expect(feedStories(page)).toHaveCount(10);
    await expect(page.getByRole("alert")).toHaveCount(0);
    expect(requests).toEqual([]);

    await context.setOffline(false);
    await expect(feedStories(page)).toHaveCount(20);
    expect(requests.filter((url) => url.includes("/archive/breaking-news/"))).toHaveLength(1);

    const link = feedStories(page).nth(12).getByRole("heading", { level: 2 }).getByRole("link");
    const headline = (await link.textContent()) ?? "";
    const storyApi = `/api/stories/${((await link.getAttribute("href")) ?? "").replace("/stories/", "")}.json`;
    const storyRequests = () => requests.filter((url) => url.endsWith(storyApi)).length;
    await context.setOffline(true);
    await link.click();
    await page.clock.fastForward(60_000);
    // Still on the feed, with all twenty stories, while the story waits for the network.
    await expect(page).toHaveURL(/\/\?page=2$/);
    await expect(feedStories(page)).toHaveCount(20);
    expect(storyRequests()).toBe(0);

    await context.setOffline(false);
    await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
    expect(storyRequests()).toBe(1);
  });
});
