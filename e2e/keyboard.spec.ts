import { contrastRatio } from "./layout-checks.ts";
import { feedStories, PAGE_TYPES, TEXT_SIZES, textSizeGroup } from "./page-types.ts";
import { expect, type Locator, type Page, test } from "./test";

/** Keyboard only: skip links, focus visibility (2.4.7, 2.4.11), a whole journey, text size. */

const main = (page: Page) => page.getByRole("main");
const h1 = (page: Page, name?: string) =>
  main(page).getByRole("heading", { level: 1, ...(name ? { name, exact: true } : {}) });

/** Presses a key (Tab by default) until `target` has focus; fails after `max` presses. */
async function pressUntilFocused(page: Page, target: Locator, key = "Tab", max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} x ${max} never reached ${target}`);
}

/**
 * The first Tab shows "Skip to main content" and Enter moves focus into main; likewise for
 * "Skip to navigation". Checked on a page as it loads, before any other key.
 */
async function checkSkipLinks(page: Page): Promise<void> {
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await expect(main(page)).toBeFocused();
  // The next Tab continues inside main, not back at the header.
  await page.keyboard.press("Tab");
  expect(await main(page).evaluate((element) => element.contains(document.activeElement))).toBe(
    true,
  );

  const skipNav = page.getByRole("link", { name: "Skip to navigation" });
  await pressUntilFocused(page, skipNav, "Shift+Tab", 40);
  await expect(skipNav).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation", { name: "Topics" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: "Breaking News" }),
  ).toBeFocused();
}

type FocusStop = {
  name: string;
  indicator: boolean;
  outlineColor: string;
  behind: string;
  inViewport: boolean;
  covered: boolean;
  clippedBy: string | null;
};

/**
 * Tabs through the whole page and, at every stop, reads what a sighted keyboard user would
 * see: an outline (or box shadow) of at least 2 px, its colour against what lies behind it,
 * whether the element is inside the viewport, whether anything else is painted over it, and
 * whether an ancestor that clips its overflow cuts the outline off.
 */
async function tabThroughPage(page: Page): Promise<{ stops: FocusStop[]; tabbable: number }> {
  // A page is tabbed through once per width and scheme: forget the stops of the last round.
  await page.evaluate(() => delete (window as unknown as { __stops?: Set<Element> }).__stops);
  const tabbable = await page.evaluate(
    () =>
      [
        ...document.querySelectorAll<HTMLElement>(
          "a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]",
        ),
        // checkVisibility: not rendered, or inside a closed <details> (the Topics menu).
      ].filter((element) => element.tabIndex >= 0 && element.checkVisibility()).length,
  );
  const stops: FocusStop[] = [];
  // Tab until an element comes round a second time; focus leaving the document (body) on the
  // way, between the last element and the first, is part of the cycle.
  for (let i = 0; i < tabbable + 5; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return "outside";
      const store = window as unknown as { __stops?: Set<Element> };
      store.__stops ??= new Set();
      const seen = store.__stops;
      if (seen.has(element)) return "again";
      seen.add(element);
      const style = getComputedStyle(element);
      const outlineWidth = Number.parseFloat(style.outlineWidth);
      const indicator =
        (style.outlineStyle !== "none" && outlineWidth >= 2) || style.boxShadow !== "none";
      let behind = "rgb(255, 255, 255)";
      for (let e = element.parentElement; e; e = e.parentElement) {
        const background = getComputedStyle(e).backgroundColor;
        if (background !== "rgba(0, 0, 0, 0)" && background !== "transparent") {
          behind = background;
          break;
        }
      }
      // The parts of the element inside the viewport (sub-pixel slack at the edges).
      const visibleParts = [...element.getClientRects()]
        .map((rect) => ({
          left: Math.max(rect.left, 0),
          top: Math.max(rect.top, 0),
          right: Math.min(rect.right, innerWidth),
          bottom: Math.min(rect.bottom, innerHeight),
        }))
        .filter((part) => part.right - part.left > 1 && part.bottom - part.top > 1);
      const box = element.getBoundingClientRect();
      const inViewport =
        box.top >= -1 &&
        box.left >= -1 &&
        box.bottom <= innerHeight + 1 &&
        box.right <= innerWidth + 1;
      // Something painted over the focused element where it shows (2.4.11).
      const covered =
        visibleParts.length === 0 ||
        visibleParts.some((part) => {
          const hit = document.elementFromPoint(
            (part.left + part.right) / 2,
            (part.top + part.bottom) / 2,
          );
          return !hit || !element.contains(hit);
        });
      const reach = Number.parseFloat(style.outlineOffset) + outlineWidth;
      let clippedBy: string | null = null;
      for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX === "visible" && s.overflowY === "visible") continue;
        const clip = e.getBoundingClientRect();
        if (
          box.left - reach < clip.left ||
          box.right + reach > clip.right ||
          box.top - reach < clip.top ||
          box.bottom + reach > clip.bottom
        ) {
          clippedBy = `<${e.tagName.toLowerCase()} class="${e.className}">`;
        }
      }
      return {
        name: (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40),
        indicator,
        outlineColor: style.outlineColor,
        behind,
        inViewport,
        covered,
        clippedBy,
      };
    });
    if (stop === "again") break;
    if (stop !== "outside") stops.push(stop);
  }
  return { stops, tabbable };
}

const FOCUS_RUNS = [
  { width: 320, height: 640, colorScheme: "light" },
  { width: 1280, height: 800, colorScheme: "dark" },
] as const;

/**
 * Each page type is opened once: the skip links first (the page as it loads, 1280 px light),
 * then a Tab round through the whole page at each width and scheme of FOCUS_RUNS.
 */
for (const pageType of PAGE_TYPES) {
  test(`${pageType.name}: skip links work; focus is always visible and never hidden`, async ({
    page,
  }) => {
    // The time of the three tests this one replaces: skip links and two Tab rounds.
    test.setTimeout(90_000);
    await pageType.open(page);
    // After Load more, focus is on the first new story, so the first Tab is not the skip link.
    if (pageType.name !== "feed after Load more") await checkSkipLinks(page);
    for (const run of FOCUS_RUNS) {
      await page.setViewportSize({ width: run.width, height: run.height });
      await page.emulateMedia({ colorScheme: run.colorScheme });
      const { stops, tabbable } = await tabThroughPage(page);
      // Every tabbable element was reached (none skipped, none a trap).
      expect(stops.length, `${run.width}px ${run.colorScheme}: stops`).toBe(tabbable);
      const problems = stops.flatMap((stop) => {
        const found: string[] = [];
        if (!stop.indicator) found.push("no focus indicator");
        const ratio = contrastRatio(stop.outlineColor, stop.behind);
        if (ratio < 3) found.push(`outline contrast ${ratio.toFixed(2)}:1 against ${stop.behind}`);
        if (!stop.inViewport) found.push("focused but outside the viewport");
        if (stop.covered) found.push("covered by another element (2.4.11)");
        if (stop.clippedBy) found.push(`outline clipped by ${stop.clippedBy}`);
        return found.map((problem) => `"${stop.name}": ${problem}`);
      });
      expect(problems, `${run.width}px ${run.colorScheme}`).toEqual([]);
    }
  });
}

test("a whole journey by keyboard: skip link, Load more, a story, text size, next story, back", async ({
  page,
}) => {
  await page.goto("/");
  await expect(feedStories(page)).toHaveCount(10);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(main(page)).toBeFocused();

  const loadMore = page.getByRole("button", { name: "Load more" });
  await pressUntilFocused(page, loadMore);
  await page.keyboard.press("Enter");
  await expect(feedStories(page)).toHaveCount(20);
  const eleventh = feedStories(page).nth(10).getByRole("heading", { level: 2 }).getByRole("link");
  await expect(eleventh).toBeFocused();
  await expect(page.getByRole("status")).toHaveText("10 more stories loaded");

  const headline = (await eleventh.textContent()) ?? "";
  await page.keyboard.press("Enter");
  await expect(h1(page, headline)).toBeFocused();
  const storyUrl = page.url();

  const large = textSizeGroup(page).getByRole("button", { name: "LG large, 4 of 4" });
  await pressUntilFocused(page, large, "Shift+Tab", 40);
  await page.keyboard.press("Space");
  await expect(large).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "lg");

  const next = page.getByRole("link", { name: /^Next story/ });
  await pressUntilFocused(page, next);
  const nextHeadline = ((await next.textContent()) ?? "").replace(/^Next story/, "");
  await page.keyboard.press("Enter");
  await expect(h1(page, nextHeadline)).toBeFocused();
  await expect(large).toHaveAttribute("aria-pressed", "true");

  // Back: Alt+Left is handled by the browser's own window, which Playwright's keyboard does
  // not reach, so the same history step is taken with goBack().
  await page.goBack();
  await expect(page).toHaveURL(storyUrl);
  await expect(h1(page, headline)).toBeVisible();
  // Focus returns to the link the reader followed, as a browser's back/forward cache does.
  await expect(next).toBeFocused();

  await page.goBack();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(feedStories(page)).toHaveCount(20);
  await expect(eleventh).toBeFocused();
  await expect(eleventh).toBeInViewport();
});

test.describe("the text-size control follows the toggle-button pattern, by keyboard only", () => {
  test("each option is its own Tab stop, Space and Enter press it, the state is announced", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(h1(page, "Breaking News")).toBeVisible();
    const buttons = TEXT_SIZES.map((size) =>
      textSizeGroup(page).getByRole("button", { name: size.name, exact: true }),
    );
    const [xs, sm, md, lg] = buttons as [Locator, Locator, Locator, Locator];

    // Tab order: skip links, site name, then XS, SM, MD, LG one Tab each.
    await pressUntilFocused(page, xs, "Tab", 5);
    for (const button of [sm, md, lg]) {
      await page.keyboard.press("Tab");
      await expect(button).toBeFocused();
    }
    // Arrow keys are not part of this pattern: they leave focus and state alone.
    await page.keyboard.press("ArrowLeft");
    await expect(lg).toBeFocused();
    await expect(md).toHaveAttribute("aria-pressed", "true");

    // What assistive technology is told: a group named "Text size", four buttons whose names
    // start with the visible label, exactly one pressed.
    await expect(textSizeGroup(page)).toMatchAriaSnapshot(`
      - group "Text size":
        - button "XS extra small, 1 of 4" [pressed=false]
        - button "SM small, 2 of 4" [pressed=false]
        - button "MD medium, 3 of 4" [pressed]
        - button "LG large, 4 of 4" [pressed=false]
    `);

    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await expect(sm).toBeFocused();
    await page.keyboard.press("Space");
    await expect(textSizeGroup(page).getByRole("button", { pressed: true })).toHaveAccessibleName(
      "SM small, 2 of 4",
    );
    await expect(md).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "sm");

    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(lg).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(textSizeGroup(page).getByRole("button", { pressed: true })).toHaveAccessibleName(
      "LG large, 4 of 4",
    );
    await expect(sm).toHaveAttribute("aria-pressed", "false");

    // The sizes are exclusive: pressing the chosen one again keeps it chosen (never "none").
    await page.keyboard.press("Space");
    await expect(lg).toHaveAttribute("aria-pressed", "true");
    await expect(textSizeGroup(page).getByRole("button", { pressed: true })).toHaveCount(1);

    // Each accessible name starts with the label a voice-control user sees and can say.
    for (const [i, size] of TEXT_SIZES.entries()) {
      const button = buttons[i] as Locator;
      const visible = await button.evaluate((element) =>
        [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join("")
          .trim(),
      );
      expect(visible).toBe(size.label);
      await expect(button).toHaveAccessibleName(
        new RegExp(`^${size.label} [a-z ]+, ${i + 1} of 4$`),
      );
    }
  });
});
