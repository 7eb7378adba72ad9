import { expect, type Page } from "@playwright/test";

/**
 * Every kind of page a reader can land on, each with what "ready" means for it, so the
 * accessibility specs check the same set: feeds, stories (English, Persian, several photos),
 * the not-found view and a feed after Load more.
 */
export type PageType = { name: string; open: (page: Page) => Promise<void> };

const feedStories = (page: Page, title: string) =>
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

export const TEXT_SIZES = [
  { label: "XS", name: "XS extra small" },
  { label: "SM", name: "SM small" },
  { label: "MD", name: "MD medium" },
  { label: "LG", name: "LG large" },
] as const;

export type TextSizeLabel = (typeof TEXT_SIZES)[number]["label"];

/** Chooses a text size the way a reader does, with the control, and waits until it applies. */
export async function chooseTextSize(page: Page, label: TextSizeLabel): Promise<void> {
  const size = TEXT_SIZES.find((s) => s.label === label);
  if (!size) throw new Error(`unknown text size ${label}`);
  const button = page
    .getByRole("group", { name: "Text size" })
    .getByRole("button", { name: size.name, exact: true });
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
