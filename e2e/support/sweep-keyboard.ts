import { contrastRatio } from "../layout-checks.ts";
import { pressUntilFocused } from "../page-types.ts";
import { expect, type Page } from "../test";

/** The keyboard checks of the accessibility sweep (e2e/a11y-sweep.spec.ts). */

/**
 * The first Tab shows "Skip to main content" and Enter moves focus into main; likewise for
 * "Skip to navigation". Checked on a page as it loads, before any other key.
 */
export async function checkSkipLinks(page: Page): Promise<void> {
  const main = page.getByRole("main");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press("Enter");
  await expect(main).toBeFocused();
  // The next Tab continues inside main, not back at the header.
  await page.keyboard.press("Tab");
  expect(await main.evaluate((element) => element.contains(document.activeElement))).toBe(true);

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

/** One Tab round at the current width and scheme, in the default text size (MD). */
export async function checkFocusVisible(page: Page, where: string): Promise<void> {
  const { stops, tabbable } = await tabThroughPage(page);
  // Every tabbable element was reached (none skipped, none a trap).
  expect(stops.length, `${where}: stops`).toBe(tabbable);
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
  expect(problems, where).toEqual([]);
}
