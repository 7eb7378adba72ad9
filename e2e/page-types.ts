import { expect, type Locator, type Page } from "@playwright/test";
import { TEXT_SIZES as APP_TEXT_SIZES } from "../src/features/text-size/text-size.ts";
import { outsideViewport } from "./layout-checks.ts";

/**
 * Every kind of page a reader can land on, each with what "ready" means for it, so the
 * accessibility specs check the same set: feeds, stories (English, Persian, several photos),
 * the not-found view and a feed after Load more.
 */
export type PageType = { name: string; open: (page: Page) => Promise<void> };

/** The story cards of the feed headed `title` (the front page's unless told). */
export const feedStories = (page: Page, title = "Breaking News") =>
  page.getByRole("list", { name: `${title} stories` }).getByRole("article");

async function openAndWaitForHeading(page: Page, path: string, heading?: string): Promise<void> {
  await page.goto(path);
  await expect(
    page
      .getByRole("main")
      .getByRole("heading", { level: 1, ...(heading ? { name: heading } : {}) }),
  ).toBeVisible();
}

export const SEED_STORY = "/stories/iran-president-deeper-ties-russia-shoigu-visit";
export const PERSIAN_STORY = "/stories/iranian-tea-culture-fa";
export const PHOTOS_STORY = "/stories/brindlecombe-school-science-fair";

export const PAGE_TYPES: PageType[] = [
  {
    name: "front page",
    open: async (page) => {
      await openAndWaitForHeading(page, "/", "Breaking News");
      await expect(feedStories(page, "Breaking News")).toHaveCount(10);
    },
  },
  {
    name: "topic feed",
    open: async (page) => {
      await openAndWaitForHeading(page, "/topics/iran", "Iran");
      await expect(feedStories(page, "Iran")).toHaveCount(10);
    },
  },
  { name: "seed story", open: (page) => openAndWaitForHeading(page, SEED_STORY) },
  { name: "Persian story", open: (page) => openAndWaitForHeading(page, PERSIAN_STORY) },
  { name: "several-photos story", open: (page) => openAndWaitForHeading(page, PHOTOS_STORY) },
  {
    name: "not found",
    open: (page) => openAndWaitForHeading(page, "/no/such/page", "Page not found"),
  },
  {
    name: "feed after Load more",
    open: async (page) => {
      await openAndWaitForHeading(page, "/", "Breaking News");
      await page.getByRole("button", { name: "Load more" }).click();
      await expect(feedStories(page, "Breaking News")).toHaveCount(20);
      await expect(page.getByRole("status")).toHaveText("10 more stories loaded");
    },
  },
];

/**
 * The sizes the app offers, in order, each with its visible label and the accessible name the
 * control gives it (the label, the spoken word and its place among them: "LG large, 4 of 4").
 */
export const TEXT_SIZES = APP_TEXT_SIZES.map(({ label, name }, index) => ({
  label,
  name: `${label} ${name}, ${index + 1} of ${APP_TEXT_SIZES.length}`,
}));

export type TextSizeLabel = (typeof APP_TEXT_SIZES)[number]["label"];

/** The text-size control in the page header. */
export const textSizeGroup = (page: Page) => page.getByRole("group", { name: "Text size" });

/** The computed font size, in px, of the first paragraph of the first story in main. */
export function readingFontSize(page: Page): Promise<number> {
  const paragraph = page.getByRole("main").getByRole("article").first().locator("p").first();
  return paragraph.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
}

/** Chooses a text size the way a reader does, with the control, and waits until it applies. */
export async function chooseTextSize(page: Page, label: TextSizeLabel): Promise<void> {
  const size = TEXT_SIZES.find((s) => s.label === label);
  if (!size) throw new Error(`unknown text size ${label}`);
  const button = textSizeGroup(page).getByRole("button", { name: size.name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  const html = page.locator("html");
  // MD is the default, which the store expresses by removing the attribute.
  if (label === "MD") await expect(html).not.toHaveAttribute("data-text-size");
  else await expect(html).toHaveAttribute("data-text-size", label.toLowerCase());
}

/** How far the page scrolls sideways, in CSS px (0 when it does not). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Fails a check when the page scrolls sideways or has content past the viewport's edges. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  expect(await horizontalOverflow(page), `${what}: sideways scroll`).toBeLessThanOrEqual(0);
  expect(await outsideViewport(page), `${what}: content past the viewport edges`).toEqual([]);
}

/** Presses a key (Tab by default) until `target` has focus; fails after `max` presses. */
export async function pressUntilFocused(
  page: Page,
  target: Locator,
  key = "Tab",
  max = 80,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} x ${max} never reached ${target}`);
}
