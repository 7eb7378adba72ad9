import type { BrowserContext } from "@playwright/test";
import { MIRROR_BASE, MIRROR_SITE_URL } from "./fixtures/base-path-site.ts";
import { chooseTextSize, feedStories, SEED_STORY, textSizeGroup } from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, type Page, test } from "./test";

/**
 * A mirror: the site built with `BASE_PATH=/mirror/news/` (e2e/fixtures/base-path-site.ts) and
 * a SITE_URL on another host, served under that path on localhost by npm start's server. The
 * reader journeys work there, with the service worker, and no request of any page, nor of the
 * worker, leaves the base path.
 */
test.use({ serviceWorkers: "allow" });
test.describe.configure({ mode: "serial", timeout: 90_000 });

const at = (sitePath: string) => `${MIRROR_BASE}${sitePath.replace(/^\//, "")}`;
const headline = (page: Page) => page.getByRole("main").getByRole("heading", { level: 1 });

/** Every URL the context asks for (pages, their files, the worker's own requests). */
function watchRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}
/**
 * The addresses in the page's markup (href, src, srcset, action) that resolve outside the base,
 * on this origin or on SITE_URL's (where the site lives under the same base).
 */
function addressesOutsideBase(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ base, site }) =>
      [...document.querySelectorAll("[href], [src], [srcset], [action]")]
        .flatMap((element) =>
          ["href", "src", "action", "srcset"].flatMap((name) => {
            const value = element.getAttribute(name);
            if (value === null) return [];
            return name === "srcset"
              ? value.split(",").map((candidate) => candidate.trim().split(" ")[0] ?? "")
              : [value];
          }),
        )
        .filter((value) => {
          // In-page fragments, and data: URLs (the lite pages' empty icon), request nothing.
          if (value.startsWith("#") || value.startsWith("data:")) return false;
          const url = new URL(value, location.href);
          const known = url.origin === location.origin || url.origin === new URL(site).origin;
          return !known || !url.pathname.startsWith(base);
        }),
    { base: MIRROR_BASE, site: MIRROR_SITE_URL },
  );
}

const outsideBase = (urls: string[], origin: string) =>
  urls.filter((url) => !url.startsWith("data:") && !url.startsWith(`${origin}${MIRROR_BASE}`));

test("a reader on the mirror reads, pages, searches, saves and reloads offline, never leaving its path", async ({
  page,
  context,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const requests = watchRequests(context);
  const problems = watchPageProblems(page, { warnings: true });

  // The front page, and Load more from the archive.
  await page.goto(at("/"));
  await expect(headline(page)).toHaveText("Breaking News");
  const stories = feedStories(page);
  await expect(stories).toHaveCount(10);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(stories).toHaveCount(20);
  // Every address in the page is under the base, a file the browser fetches only when asked
  // (the manifest) too; links name no host: SITE_URL's only where a page says where it lives
  // (canonical, feeds, link previews).
  expect(await addressesOutsideBase(page)).toEqual([]);
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => !href.startsWith(MIRROR_BASE) && !href.startsWith("#"))).toEqual(
    [],
  );
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${MIRROR_SITE_URL}${MIRROR_BASE}`,
  );

  // A story opened from the feed (in the app), its neighbours, and a text size kept.
  await stories.getByRole("link", { name: /Iran/ }).first().click();
  await expect(page).toHaveURL(`${origin}${at(SEED_STORY)}`);
  const seedHeadline = (await headline(page).textContent()) ?? "";
  const next = page.getByRole("link", { name: /^Next story/ });
  const nextHeadline = ((await next.textContent()) ?? "").replace(/^Next story/, "");
  await next.click();
  await expect(headline(page)).toHaveText(nextHeadline);
  expect(new URL(page.url()).pathname.startsWith(at("/stories/"))).toBe(true);
  await page.getByRole("link", { name: /^Previous story/ }).click();
  await expect(headline(page)).toHaveText(seedHeadline);
  await chooseTextSize(page, "LG");

  // The seed story loaded as its own page: the prerendered page hydrates at its address.
  await page.reload();
  await expect(headline(page)).toHaveText(seedHeadline);
  await expect(
    textSizeGroup(page).getByRole("button", { name: "LG large, 4 of 4" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${MIRROR_SITE_URL}${at(SEED_STORY)}`,
  );
  expect(await addressesOutsideBase(page)).toEqual([]);

  // Its lite page, under the base too, and back.
  await page.getByRole("link", { name: "Lite version" }).click();
  await expect(page).toHaveURL(`${origin}${at(`/lite${SEED_STORY}`)}`);
  await expect(headline(page)).toHaveText(seedHeadline);
  expect(await addressesOutsideBase(page)).toEqual([]);
  await page.getByRole("link", { name: "Full version" }).click();
  await expect(page).toHaveURL(`${origin}${at(SEED_STORY)}`);

  // Save for offline; the worker is the mirror's, scoped to its path.
  await page.getByRole("button", { name: "Save for offline" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(
    `${origin}${MIRROR_BASE}`,
  );

  // Search, from the header's box, into a result.
  const search = page.getByRole("banner").getByRole("searchbox", { name: "Search stories" });
  await search.fill("saffron");
  await search.press("Enter");
  await expect(headline(page)).toHaveText(/^\d+ stor(y|ies) for “saffron”$/);
  await expect(page).toHaveURL(`${origin}${at("/search")}?q=saffron`);
  const result = page.getByRole("list", { name: "Stories for “saffron”" }).getByRole("link");
  const resultHeadline = (await result.first().textContent()) ?? "";
  await result.first().click();
  await expect(headline(page)).toHaveText(resultHeadline);
  const resultUrl = page.url();
  expect(new URL(resultUrl).pathname.startsWith(at("/stories/"))).toBe(true);
  // Drawn by the app from JSON: the worker keeps its page once the app asks for it.
  await expect
    .poll(() => page.evaluate(async () => (await caches.match(location.pathname)) !== undefined))
    .toBe(true);

  // Offline: the story read last and the saved story reload, and Saved lists the saved one.
  await context.setOffline(true);
  await page.reload();
  await expect(headline(page)).toHaveText(resultHeadline);
  await page.goto(at(SEED_STORY));
  await expect(headline(page)).toHaveText(seedHeadline);
  await page.getByRole("link", { name: "Saved", exact: true }).click();
  await expect(page).toHaveURL(`${origin}${at("/saved")}`);
  await expect(page.getByRole("main").getByRole("link", { name: seedHeadline })).toBeVisible();
  await context.setOffline(false);

  expect(outsideBase(requests, origin)).toEqual([]);
  // The journey above asked for each kind of file under the base.
  for (const kind of ["assets/", "api/", "archive/", "images/", "pagefind/", "sw.js", "icons/"])
    expect(
      requests.some((url) => url.startsWith(`${origin}${at(kind)}`)),
      kind,
    ).toBe(true);
  expect(problems).toEqual([]);
});

test("the server answers under the base only: / leads there, the bare base gains its slash, anything outside is not found", async ({
  request,
}) => {
  const get = (url: string) => request.get(url, { maxRedirects: 0 });
  const root = await get("/");
  expect(root.status()).toBe(302);
  expect(root.headers().location).toBe(MIRROR_BASE);
  const bare = await get(MIRROR_BASE.slice(0, -1));
  expect(bare.status()).toBe(301);
  expect(bare.headers().location).toBe(MIRROR_BASE);
  for (const outside of [SEED_STORY, "/api/topics.json", "/sw.js", "/manifest.webmanifest"]) {
    expect((await get(outside)).status(), outside).toBe(404);
  }
  const lite = await get(at("/lite"));
  expect(lite.status()).toBe(301);
  expect(lite.headers().location).toBe(at("/lite/"));
  expect((await get(at("/lite/"))).status()).toBe(200);
  const slash = await get(`${at(SEED_STORY)}/`);
  expect(slash.status()).toBe(301);
  expect(slash.headers().location).toBe(at(SEED_STORY));
  expect((await get(at("/_base-path.txt"))).status()).toBe(404);
  const manifest = await (await get(at("/manifest.webmanifest"))).json();
  expect(manifest).toMatchObject({ id: MIRROR_BASE, start_url: MIRROR_BASE, scope: MIRROR_BASE });
  const feed = await (await get(at("/feeds/breaking-news/feed.json"))).json();
  expect(feed.home_page_url).toBe(`${MIRROR_SITE_URL}${MIRROR_BASE}`);
  expect(feed.items[0].url.startsWith(`${MIRROR_SITE_URL}${at("/stories/")}`)).toBe(true);
});
