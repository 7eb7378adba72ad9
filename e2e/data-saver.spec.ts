import type { BrowserContext, Request } from "@playwright/test";
import { feedStories, PHOTOS_STORY, SEED_STORY } from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, type Page, test } from "./test";

/**
 * Data saver mode on full pages (src/shared/data-saver.ts): turned on by the header's switch or
 * by a browser that asks to save data. The app's code then loads only for a press that needs
 * it, a story loads only its first photo, pictures come at their smallest width, and story
 * links lead to lite pages. The tests drive the page before the app (it never loads by itself
 * in this mode), on the page's clock, so the idle time the app would load at is run, not waited.
 */
test.use({ waitForApp: false });

const dataSaver = (page: Page) => page.getByRole("switch", { name: "Data saver" });
const isScript = (request: Request) => request.resourceType() === "script";
const isPhoto = (request: Request) => new URL(request.url()).pathname.startsWith("/images/");

/** Every request the page makes from now on. */
function watchRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

/** Past the start-up script's settle time and idle wait, with a reader's pointer and wheel. */
async function idleWithAReader(page: Page) {
  await page.mouse.move(20, 300);
  await page.mouse.wheel(0, 600);
  await page.clock.runFor(10_000);
}

test("the Data saver switch: remembered, no script after idle, the first photo alone at its smallest width, lite story links", async ({
  page,
}) => {
  const problems = watchPageProblems(page);
  await page.clock.install();
  await page.goto("/", { waitUntil: "load" });
  const toggle = dataSaver(page);
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  // Before the app: the start-up script answers the switch, from the keyboard too, and turns
  // the page's story links to lite ones.
  await toggle.press("Space");
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(feedStories(page).first().getByRole("link").first()).toHaveAttribute(
    "href",
    /^\/lite\/stories\/[a-z0-9-]+$/,
  );

  // Remembered on the next page (a story whose photos this browser has not seen, so what it
  // requests is what the mode asks for, not what its memory cache holds).
  const requests = watchRequests(page);
  await page.goto(PHOTOS_STORY, { waitUntil: "load" });
  await idleWithAReader(page);
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  expect(requests.filter(isScript).map((request) => request.url())).toEqual([]);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(0);

  // One photo, the lead, at 320 px; the three in the body wait behind "Show photo", each
  // with its caption.
  const photos = () => requests.filter(isPhoto).map((request) => new URL(request.url()).pathname);
  expect(photos()).toHaveLength(1);
  expect(photos()[0]).toMatch(/-320\.(avif|webp|jpg)$/);
  const show = page.getByRole("button", { name: "Show photo" });
  await expect(show).toHaveCount(3);
  await expect(show.first()).toHaveAccessibleDescription(/volcano drew the biggest crowd/);
  await expect(page.getByRole("img")).toHaveCount(1);
  const storyLinks = page.getByRole("main").getByRole("link", { name: /story/i });
  await expect(storyLinks.first()).toHaveAttribute("href", /^\/lite\/stories\//);
  for (const href of await page
    .locator("a[href*='/stories/']")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
    expect(href).toMatch(/^\/lite\/stories\//);
  }

  // Asked for, a photo comes, at its smallest width, and still no script.
  await show.first().click();
  await expect(page.getByRole("img")).toHaveCount(2);
  await expect(show).toHaveCount(2);
  await expect.poll(() => photos().length).toBe(2);
  expect(photos()[1]).toMatch(/-320\.(avif|webp|jpg)$/);
  expect(requests.filter(isScript)).toHaveLength(0);

  // Off again: the app loads (that press is the interaction that needs it) and the photos
  // and full story links come back; remembered across a reload.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect.poll(() => requests.filter(isScript).length).toBeGreaterThan(0);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Show photo" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Next story/ })).toHaveAttribute(
    "href",
    /^\/stories\//,
  );
  await page.reload({ waitUntil: "load" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  expect(problems).toEqual([]);
});

/**
 * A browser that asks to save data. Chromium sends `Save-Data: on` when its user asks it to;
 * Playwright can only send the header, and headless Chromium's `navigator.connection.saveData`
 * does not follow it (the test records what it reports), so an init script says what such a
 * browser says.
 */
async function savingDataContext(context: BrowserContext) {
  await context.setExtraHTTPHeaders({ "Save-Data": "on" });
  await context.addInitScript(() => {
    const reported = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection
      ?.saveData;
    Object.defineProperty(window, "reportedSaveData", { value: reported });
    const connection = (navigator as Navigator & { connection?: object }).connection;
    if (connection) {
      Object.defineProperty(Object.getPrototypeOf(connection), "saveData", { get: () => true });
    }
  });
}

test("a browser that asks to save data: front page in data saver mode until Load more needs the app", async ({
  page,
  context,
}) => {
  const problems = watchPageProblems(page);
  await savingDataContext(context);
  await page.clock.install();
  const requests = watchRequests(page);
  await page.goto("/", { waitUntil: "load" });
  test.info().annotations.push({
    type: "navigator.connection.saveData with only the Save-Data header",
    description: String(
      await page.evaluate(() => (window as { reportedSaveData?: boolean }).reportedSaveData),
    ),
  });
  const saveDataHeader = await requests[0]?.headerValue("save-data");
  expect(saveDataHeader).toBe("on");

  await idleWithAReader(page);
  await expect(dataSaver(page)).toHaveAttribute("aria-checked", "true");
  expect(requests.filter(isScript)).toHaveLength(0);
  const photos = requests.filter(isPhoto).map((request) => new URL(request.url()).pathname);
  expect(photos.length).toBeGreaterThan(0);
  for (const photo of photos) expect(photo).toMatch(/-320\.(avif|webp|jpg)$/);
  const cards = feedStories(page);
  const before = await cards.count();
  expect(before).toBeGreaterThan(0);
  await expect(cards.first().getByRole("link").first()).toHaveAttribute(
    "href",
    /^\/lite\/stories\//,
  );

  // Load more needs the app: the press loads it and the stories it adds link to lite pages.
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => requests.filter(isScript).length).toBeGreaterThan(0);
  await page.clock.runFor(1_000);
  await expect(cards).toHaveCount(before + 10);
  await expect(cards.last().getByRole("link").first()).toHaveAttribute(
    "href",
    /^\/lite\/stories\//,
  );
  await expect(dataSaver(page)).toHaveAttribute("aria-checked", "true");
  const laterPhotos = requests.filter(isPhoto).map((request) => new URL(request.url()).pathname);
  for (const photo of laterPhotos) expect(photo).toMatch(/-320\.(avif|webp|jpg)$/);
  expect(problems).toEqual([]);
});

test("in data saver mode, Save for offline and Share are there before the app, and their press loads it and is done", async ({
  page,
  context,
}) => {
  const problems = watchPageProblems(page);
  await savingDataContext(context);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Chromium on Linux has no Web Share: the story's address goes to the clipboard.
  await context.addInitScript(() => {
    Object.defineProperty(navigator, "share", { value: undefined, configurable: true });
  });
  const requests = watchRequests(page);

  await page.goto(PHOTOS_STORY, { waitUntil: "load" });
  const save = page.getByRole("button", { name: "Save for offline" });
  await expect(save).toBeVisible();
  await expect(page.getByRole("button", { name: "Share this story" })).toBeVisible();
  expect(requests.filter(isScript)).toHaveLength(0);
  await save.click();
  await expect.poll(() => requests.filter(isScript).length).toBeGreaterThan(0);
  // The app pressed it again once it ran: saved, and the button says so.
  await expect(save).toHaveAttribute("aria-pressed", "true", { timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(dataSaver(page)).toHaveAttribute("aria-checked", "true");

  // Another story, and Share before the app.
  requests.length = 0;
  await page.goto(SEED_STORY, { waitUntil: "load" });
  expect(requests.filter(isScript)).toHaveLength(0);
  await page.getByRole("button", { name: "Share this story" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`${SEED_STORY}$`),
  );
  expect(problems).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Data saver switch is a link to the lite front page", async ({ page }) => {
    await page.goto(PHOTOS_STORY);
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Data saver" }),
    ).toHaveAttribute("href", "/lite/");
    await expect(page.getByRole("switch")).toHaveCount(0);
    // Every photo shows as it always did: data saver needs script, or the lite pages.
    await expect(page.getByRole("button", { name: "Show photo" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("img")).toHaveCount(4);
    // Share and Save for offline need script: not there at all.
    for (const name of ["Share this story", "Save for offline"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
  });
});
