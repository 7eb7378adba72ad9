import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AxeResults } from "axe-core";
import {
  contrastRatio,
  motionOver10ms,
  TEXT_SPACING_CSS,
  unreadableText,
} from "./layout-checks.ts";
import {
  chooseTextSize,
  expectNoSidewaysScroll,
  horizontalOverflow,
  PAGE_TYPES,
  type PageType,
  pressUntilFocused,
  TEXT_SIZES,
  type TextSizeLabel,
} from "./page-types.ts";
import { runAxe } from "./support/axe.ts";
import { expect, type Page, test } from "./test";

/**
 * The accessibility sweep: every page type (e2e/page-types.ts) opened once per width, 320 px
 * and 1280 px, and every check that sweeps page types run on that open page, one step each:
 *
 * - semantics: landmarks, one h1 and no skipped heading levels, figures named by their
 *   captions, machine-readable times, the title (1280 px);
 * - keyboard: the skip links on the page as it loads (1280 px light), then a Tab round through
 *   the whole page, focus always visible and never hidden (2.4.7, 2.4.11): 320 px light,
 *   1280 px dark;
 * - axe-core, light and dark, in the smallest text size (XS: the strictest for contrast, where
 *   less text counts as "large", and for target size) at both widths, plus LG at 320 px, the
 *   most crowded layout. The dark scans run the colour rules only: the scheme changes colours
 *   and nothing else axe checks (names, roles, landmarks, targets), which the light scans at
 *   the same widths and sizes cover. The reflow, text-spacing and target steps sweep every
 *   text size; what axe checks besides does not depend on the size in between;
 * - 2.3.3 prefers-reduced-motion: nothing moves for longer than 10 ms (1280 px);
 * - 2.5.8 target size: every link and button at least 24 x 24, every text size;
 * - 1.4.10 reflow at 320 x 640 in every text size, then 1.4.12 text spacing in every text size
 *   (last: its style sheet stays in the page).
 *
 * Width, scheme, motion preference and text size are switched in the page, so each step sets
 * the ones it is about. 1.4.4 (200% zoom, a browser-context option) is in reflow.spec.ts.
 */

// The motion and text-spacing steps inject a probe or user stylesheet, as a reader's extension
// would; extensions are not bound by the page's Content Security Policy, so the test browser is
// not either.
test.use({ bypassCSP: true });

type Scheme = "light" | "dark";
type Width = 320 | 1280;
const HEIGHT: Record<Width, number> = { 320: 640, 1280: 800 };

// ---------------------------------------------------------------------------------------------
// Semantics: what assistive technology reads from the markup.

/** ISO 8601 / HTML "global date and time": date, time, and a zone (Z or ±hh:mm). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Page types whose figures and times must really be there, so the checks below ran on some. */
const AT_LEAST: Record<string, { figures: number; times: number }> = {
  "several-photos story": { figures: 3, times: 1 },
};

async function checkSemantics(page: Page, pageType: PageType): Promise<void> {
  const h1 = page.getByRole("main").getByRole("heading", { level: 1 });
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Topics" })).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  // A story page keeps its breaking news in the side column, not in a banner above the story.
  const storyPage = pageType.name.endsWith("story");
  await expect(page.getByRole("region", { name: "Breaking News" })).toHaveCount(storyPage ? 0 : 1);
  await expect(
    page
      .getByRole("complementary", { name: "More stories" })
      .getByRole("region", { name: "More breaking stories" }),
  ).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Special Report" })).toHaveCount(1);
  // The side column (beside the page at this width) holds the Special Report.
  await expect(
    page
      .getByRole("complementary", { name: "More stories" })
      .getByRole("region", { name: "Special Report" }),
  ).toHaveCount(1);
  // The banner holds the site name and the text size; the topics are its navigation.
  await expect(page.getByRole("banner").getByRole("link", { name: "Dispatch" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("group", { name: "Text size" })).toBeVisible();

  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(h1).toHaveCount(1);
  const levels = await page
    .getByRole("heading")
    .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
  expect(levels[0], "the first heading is the h1").toBe(1);
  for (let i = 1; i < levels.length; i++) {
    expect(
      levels[i] ?? 0,
      `heading ${i + 1} (h${levels[i]}) after h${levels[i - 1]}: no skipped level`,
    ).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
  }

  // Every figure has a picture with alt text and a visible caption, and is named by it.
  const figures = page.locator("figure");
  const figureCount = await figures.count();
  // The hidden prefix is in the story's language ("Image caption, ", "توضیح تصویر، ").
  await expect(
    page.getByRole("figure", { name: /^(Image caption, |توضیح تصویر، )\S/ }),
  ).toHaveCount(figureCount);
  for (const figure of await figures.all()) {
    await expect(figure.getByRole("img")).toHaveAttribute("alt", /\S/);
    await expect(figure.locator("figcaption")).toBeVisible();
  }

  const times = await page.locator("time").evaluateAll((elements) =>
    elements.map((element) => ({
      datetime: element.getAttribute("datetime") ?? "",
      text: element.textContent ?? "",
      full: element.getAttribute("title") ?? "",
    })),
  );
  for (const time of times) {
    expect(time.datetime, `<time>${time.text}</time>`).toMatch(ISO_DATE_TIME);
    expect(Number.isNaN(Date.parse(time.datetime))).toBe(false);
    expect(time.text.trim()).not.toBe("");
    // The full date and time is in the text assistive technology reads, not only in title.
    expect(time.full, `<time>${time.text}</time> has a full date`).toMatch(/\S.*UTC$/);
    expect(time.text).toContain(time.full);
  }

  const atLeast = AT_LEAST[pageType.name];
  if (atLeast) {
    expect(await page.getByRole("main").getByRole("figure").count()).toBeGreaterThanOrEqual(
      atLeast.figures,
    );
    expect(await page.getByRole("main").locator("time").count()).toBeGreaterThanOrEqual(
      atLeast.times,
    );
  }

  // The page's own title comes first in <head>, so it is the document's title. (index.html
  // still carries a static <title>Dispatch</title> after it for the page before any script
  // runs; see the report: prerendering is the place to drop it.)
  await expect(page).toHaveTitle(`${await h1.textContent()} — Dispatch`);
  expect(await page.locator("head title").first().textContent()).toBe(await page.title());
}

// ---------------------------------------------------------------------------------------------
// Keyboard: skip links, focus visibility (2.4.7, 2.4.11).

/**
 * The first Tab shows "Skip to main content" and Enter moves focus into main; likewise for
 * "Skip to navigation". Checked on a page as it loads, before any other key.
 */
async function checkSkipLinks(page: Page): Promise<void> {
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
async function checkFocusVisible(page: Page, where: string): Promise<void> {
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

// ---------------------------------------------------------------------------------------------
// axe-core, with a matrix of the results in reports/axe-matrix.md.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** axe's rules that read colours: text contrast and links told apart by colour alone. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
type Scan = { size: TextSizeLabel; scheme: Scheme };
const SCANS: Record<Width, Scan[]> = {
  320: [
    { size: "LG", scheme: "light" },
    { size: "XS", scheme: "light" },
    { size: "XS", scheme: "dark" },
    { size: "LG", scheme: "dark" },
  ],
  1280: [
    { size: "XS", scheme: "light" },
    { size: "XS", scheme: "dark" },
  ],
};
const SCHEMES: Scheme[] = ["light", "dark"];
const AXE_SIZES = [...new Set(Object.values(SCANS).flatMap((scans) => scans.map((s) => s.size)))];

type MatrixRow = {
  page: string;
  size: string;
  width: number;
  scheme: string;
  violations: number;
  rules: string[];
  /** Rules axe could not decide ("needs review"), which a person has to check. */
  incomplete: string[];
};

/** One readable line per failing element: rule, impact, where, and what to fix. */
function describeViolations(results: AxeResults): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
      return `${violation.id} (${violation.impact ?? "?"}): ${violation.help} — at ${node.target.join(" > ")} — ${summary}`;
    }),
  );
}

/** The axe scans of one width, each after switching scheme and text size in the page. */
async function checkAxe(page: Page, pageType: PageType, width: Width): Promise<MatrixRow[]> {
  const rows: MatrixRow[] = [];
  for (const { size, scheme } of SCANS[width]) {
    await page.emulateMedia({ colorScheme: scheme });
    await chooseTextSize(page, size);
    const results = await runAxe(
      page,
      scheme === "dark" ? { rules: COLOUR_RULES } : { tags: TAGS },
    );
    rows.push({
      page: pageType.name,
      size,
      width,
      scheme,
      violations: results.violations.reduce((sum, v) => sum + v.nodes.length, 0),
      rules: results.violations.map((v) => v.id),
      incomplete: results.incomplete.map((v) => v.id),
    });
    const where = `${width}px ${scheme} ${size}`;
    expect.soft(describeViolations(results), `axe violations at ${where}`).toEqual([]);
  }
  return rows;
}

// Each worker writes its rows as small files; whichever worker finishes last writes the table
// from all of them. test-results/ is emptied by Playwright at the start of every run.
let fragmentsDir: string | undefined;
let reportFile: string | undefined;

function saveRows(name: string, rows: MatrixRow[]): void {
  if (!fragmentsDir) return;
  mkdirSync(fragmentsDir, { recursive: true });
  const file = path.join(fragmentsDir, `${name.replace(/[^a-z0-9]+/gi, "-")}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(rows));
  renameSync(`${file}.tmp`, file);
}

function writeMatrix(): void {
  if (!fragmentsDir || !reportFile) return;
  const rows: MatrixRow[] = readdirSync(fragmentsDir)
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) => JSON.parse(readFileSync(path.join(fragmentsDir ?? "", file), "utf8")));
  const columns = ([320, 1280] as const).flatMap((width) =>
    SCHEMES.map((scheme) => ({ width, scheme })),
  );
  const cell = (page: string, size: string, width: number, scheme: string) => {
    const row = rows.find(
      (r) => r.page === page && r.size === size && r.width === width && r.scheme === scheme,
    );
    if (!row) return "not checked";
    return row.violations === 0 ? "0" : `**${row.violations}** (${row.rules.join(", ")})`;
  };
  const lines = [
    "# axe-core matrix",
    "",
    `Tags: ${TAGS.join(", ")}. Cells: number of violations (failing rule ids).`,
    "",
    `| page | size | ${columns.map((c) => `${c.width}px ${c.scheme}`).join(" | ")} |`,
    `| --- | --- | ${columns.map(() => "---").join(" | ")} |`,
  ];
  for (const pageType of PAGE_TYPES) {
    for (const size of AXE_SIZES.toSorted()) {
      const cells = columns.map((c) => cell(pageType.name, size, c.width, c.scheme));
      lines.push(`| ${pageType.name} | ${size} | ${cells.join(" | ")} |`);
    }
  }
  const total = rows.reduce((sum, row) => sum + row.violations, 0);
  const review = [...new Set(rows.flatMap((row) => row.incomplete))];
  lines.push(
    "",
    `${rows.length} combinations checked, ${total} violations in total.`,
    `Needs review (axe "incomplete"): ${review.length ? review.join(", ") : "none"}.`,
    "",
  );
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, lines.join("\n"));
}

test.afterAll(() => writeMatrix());

// ---------------------------------------------------------------------------------------------
// 2.3.3 motion (prefers-reduced-motion). Text contrast is axe's color-contrast rule above.

/** With reduced motion asked for (a media feature: switched in the page), nothing moves. */
async function checkReducedMotion(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.getByRole("navigation", { name: "Topics" }).getByRole("link").first().hover();
  await page.keyboard.press("Tab");
  expect(await motionOver10ms(page)).toEqual([]);
  await page.emulateMedia({ reducedMotion: "no-preference" });
}

// ---------------------------------------------------------------------------------------------
// 2.5.8 Target Size (Minimum).

const MIN_TARGET = 24;

/**
 * Every link and button measures at least 24 x 24 CSS px in every text size. The size is the
 * element's bounding box, read for all targets in one round trip per text size (one
 * boundingBox() call per target made this check three times slower); the smallest target of
 * each size is measured again with Playwright's boundingBox() to show the two agree.
 *
 * The one exemption applied is the criterion's "Inline" one: a link that is laid out inline
 * inside a sentence of running text (its block holds other words besides the link), whose
 * height is set by the line height of the text around it. A link that is the whole content of
 * its block (a headline, a list item, a chip) is not in a sentence and is measured. The
 * "Spacing" exemption is deliberately not used: every target here is held to 24 x 24 itself.
 */
async function checkTargetSize(page: Page, width: Width): Promise<void> {
  const targets = page.getByRole("link").or(page.getByRole("button"));
  for (const size of TEXT_SIZES) {
    await chooseTextSize(page, size.label);
    const measured = await targets.evaluateAll((elements) =>
      elements.map((element) => {
        // Exempt when laid out inline and its block holds other words: in a sentence.
        let inSentence = false;
        if (getComputedStyle(element).display === "inline") {
          let block = element.parentElement;
          while (block && getComputedStyle(block).display.startsWith("inline")) {
            block = block.parentElement;
          }
          const around = (block?.textContent ?? "").replace(element.textContent ?? "", "");
          inSentence = /\p{L}/u.test(around);
        }
        const { width, height } = element.getBoundingClientRect();
        return {
          name: (element.textContent ?? "").trim().slice(0, 50),
          inSentence,
          width,
          height,
        };
      }),
    );
    expect(measured.length, "targets found").toBeGreaterThan(10);
    for (const target of measured.filter((t) => t.inSentence)) {
      test.info().annotations.push({
        type: "2.5.8 inline exemption",
        description: `${width}px ${size.label}: ${target.name}`,
      });
    }
    const tooSmall = measured
      .filter((t) => !t.inSentence && (t.width < MIN_TARGET || t.height < MIN_TARGET))
      .map((t) => `"${t.name}" is ${t.width.toFixed(1)} x ${t.height.toFixed(1)}`);
    expect(tooSmall, `targets under 24 x 24 at ${width}px ${size.label}`).toEqual([]);

    const smallest = measured.reduce(
      (best, t, i) =>
        Math.min(t.width, t.height) < best.side ? { i, side: Math.min(t.width, t.height) } : best,
      { i: 0, side: Number.POSITIVE_INFINITY },
    );
    const box = await targets.nth(smallest.i).boundingBox();
    expect(box?.width).toBeCloseTo(measured[smallest.i]?.width ?? 0, 1);
    expect(box?.height).toBeCloseTo(measured[smallest.i]?.height ?? 0, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// 1.4.10 reflow and 1.4.12 text spacing.

async function checkReflow(page: Page): Promise<void> {
  for (const size of TEXT_SIZES) {
    await chooseTextSize(page, size.label);
    await expectNoSidewaysScroll(page, `1.4.10 ${size.label}`);
  }
}

/** Adds the text-spacing style sheet, as a reader's extension would; it stays in the page. */
async function addTextSpacing(page: Page): Promise<void> {
  await page.addStyleTag({ content: TEXT_SPACING_CSS });
  // The override really applies (a style sheet that silently lost would prove nothing).
  const probe = page.getByRole("main").getByRole("heading", { level: 1 });
  await expect(probe).toHaveCSS("letter-spacing", /^\d+(\.\d+)?px$/);
}

/** With the text-spacing style sheet in, no sideways scroll and no text cut off or overlapping. */
async function checkTextSpacing(page: Page, width: Width): Promise<void> {
  for (const size of TEXT_SIZES) {
    await chooseTextSize(page, size.label);
    const where = `1.4.12 ${width}px ${size.label}`;
    expect(await horizontalOverflow(page), `${where}: sideways scroll`).toBeLessThanOrEqual(0);
    const { clipped, overlapping } = await unreadableText(page);
    expect(clipped, `${where}: clipped text`).toEqual([]);
    expect(overlapping, `${where}: overlapping text`).toEqual([]);
  }
}

// ---------------------------------------------------------------------------------------------

async function setView(page: Page, width: Width, height: number, scheme: Scheme): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
}

for (const pageType of PAGE_TYPES) {
  test(`${pageType.name}: semantics, keyboard, axe, motion, targets, reflow and text spacing`, async ({
    page,
  }, testInfo) => {
    // One page load; six axe runs (on a loaded 2-core machine one can take 15 s), three Tab
    // rounds and five sweeps of the text sizes: the time of the six tests this one replaces.
    test.setTimeout(360_000);
    fragmentsDir = path.join(testInfo.project.outputDir, "axe-matrix");
    reportFile = path.join(
      path.dirname(testInfo.config.configFile ?? "."),
      "reports",
      "axe-matrix.md",
    );
    // The default 1280 x 720 window, light, MD: the page as it loads for most tests.
    await pageType.open(page);
    const rows: MatrixRow[] = [];

    await test.step("landmarks, headings, figures, times and title", () =>
      checkSemantics(page, pageType));
    // After Load more, focus is on the first new story, so the first Tab is not the skip link.
    if (pageType.name !== "feed after Load more") {
      await test.step("skip links, on the page as it loads", () => checkSkipLinks(page));
    }
    await test.step("focus visible, 1280 px dark", async () => {
      await setView(page, 1280, HEIGHT[1280], "dark");
      await checkFocusVisible(page, "1280px dark");
    });
    rows.push(...(await test.step("axe at 1280 px", () => checkAxe(page, pageType, 1280))));
    await test.step("prefers-reduced-motion: nothing moves for longer than 10 ms", async () => {
      await setView(page, 1280, 720, "light");
      await chooseTextSize(page, "MD");
      await checkReducedMotion(page);
    });
    await test.step("target size at 1280 px, every text size", async () => {
      await setView(page, 1280, 800, "light");
      await checkTargetSize(page, 1280);
    });

    await test.step("focus visible, 320 px light", async () => {
      await setView(page, 320, HEIGHT[320], "light");
      // The Tab rounds are in the default size; a round started from this button still
      // reaches every stop, this one last.
      await chooseTextSize(page, "MD");
      await checkFocusVisible(page, "320px light");
    });
    rows.push(...(await test.step("axe at 320 px", () => checkAxe(page, pageType, 320))));
    saveRows(pageType.name, rows);
    await test.step("target size at 320 px, every text size", async () => {
      await setView(page, 320, 800, "light");
      await checkTargetSize(page, 320);
    });
    await test.step("1.4.10 reflow at 320 x 640, every text size", async () => {
      await setView(page, 320, HEIGHT[320], "light");
      await checkReflow(page);
    });

    // Last: the text-spacing style sheet stays in the page.
    await test.step("1.4.12 text spacing at 320 and 1280 px, every text size", async () => {
      await addTextSpacing(page);
      for (const width of [320, 1280] as const) {
        await setView(page, width, HEIGHT[width], "light");
        await checkTextSpacing(page, width);
      }
    });
  });
}
