import { INITIAL_JS_BUDGET, javascriptSizes } from "../scripts/bundle/javascript-size.ts";
import { PERSIAN_STORY, PHOTOS_STORY, SEED_STORY } from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, test } from "./test";

test("every route is served as prerendered HTML; unknown paths get 404.html with status 404", async ({
  request,
}) => {
  const story = await request.get(SEED_STORY);
  expect(story.status()).toBe(200);
  const html = await story.text();
  expect(html).toContain("Iran&#x27;s president commits to deeper ties with Russia");
  expect(html).toContain("Image caption, ");
  expect(html).toMatch(/<title>[^<]+— Dispatch<\/title>/);
  expect(html).toMatch(/<meta name="description" content="[^"]+"/);

  const topic = await request.get("/topics/iran");
  expect(await topic.text()).toMatch(/<h1[^>]*>Iran<\/h1>/);

  const missing = await request.get("/stories/no-such-story");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("Page not found");

  const slash = await request.get("/topics/iran/", { maxRedirects: 0 });
  expect(slash.status()).toBe(301);
  expect(slash.headers().location).toBe("/topics/iran");
});

test("the critical path is the HTML alone: inline CSS, no script or stylesheet requested before paint", async ({
  request,
}) => {
  const html = await (await request.get(SEED_STORY)).text();
  expect(html).toMatch(/<style>[\s\S]{1000,}?<\/style>/);
  expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).not.toMatch(/rel="modulepreload"/);
});

test("the app takes over without refetching what the page already shows, and without hydration errors", async ({
  page,
}) => {
  const problems = watchPageProblems(page, { warnings: true });
  const apiRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) apiRequests.push(request.url());
  });
  for (const path of ["/", "/topics/iran", SEED_STORY, PERSIAN_STORY]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "");
  }
  // Story pages carry no banner or Special Report data, so that publishing a story does not
  // change every one of them: the app fetches those two files, and nothing the page shows.
  const highlights = ["/api/breaking.json", "/api/special-reports.json"];
  expect(apiRequests.map((url) => new URL(url).pathname).sort()).toEqual(
    [...highlights, ...highlights].sort(),
  );
  expect(problems).toEqual([]);
});

test("a story page loads the initial JavaScript (≤ 100 KB as sent, brotli) and its own page code, none of the feeds'", async ({
  page,
}) => {
  const js = javascriptSizes("dist");
  expect(js.initialBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  await page.goto(SEED_STORY);
  const scripts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name).pathname)
        .filter((pathname) => pathname.endsWith(".js"))
        .toSorted(),
    );
  // And, once the app has rendered, the service worker's client.
  const expected = [...new Set([...js.files.storyPage, ...js.files.afterStart])].toSorted();
  await expect.poll(scripts).toEqual(expected);
  const loaded = await scripts();
  expect(js.files.feedOnly.length).toBeGreaterThan(0);
  for (const file of js.files.feedOnly) expect(loaded).not.toContain(file);
});

// What the server sends: the prerendered markup is what the browser's preload scanner reads,
// so there is no need to wait for the app.
test.describe("prerendered images", () => {
  test.use({ waitForApp: false });

  test("one image per page asks to be fetched first; the rest wait until they are near", async ({
    page,
  }) => {
    for (const path of ["/", SEED_STORY]) {
      await page.goto(path);
      await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1);
      const images = await page.locator("main img").count();
      await expect(page.locator('main img[loading="lazy"]')).toHaveCount(images - 1);
      const picture = page.locator("main picture").first();
      await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute(
        "srcset",
        /-320\.avif 320w/,
      );
      await expect(picture.locator("img")).toHaveAttribute("sizes", /.+/);
    }
  });
});

test("with JavaScript off, a whole story is readable with its photos and captions", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PHOTOS_STORY);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const figures = page.getByRole("main").getByRole("figure");
  expect(await figures.count()).toBeGreaterThanOrEqual(4);
  for (const figure of await figures.all()) {
    await expect(figure.locator("figcaption")).toContainText("Image caption,");
  }
  await expect(page.getByRole("link", { name: /^Next story/ })).toBeVisible();
  await context.close();
});
