import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { AxeResults } from "axe-core";
import { chooseTextSize, PAGE_TYPES, type TextSizeLabel } from "./page-types.ts";
import { expect, test } from "./test";

/**
 * axe-core on every page type, light and dark, at 320 px and 1280 px in the smallest text
 * size (XS: the strictest for contrast, where less text counts as "large", and for target
 * size), plus LG at 320 px, the most crowded layout. The reflow, text-spacing and target specs
 * sweep every text size already; what axe checks besides (names, roles, landmarks, contrast)
 * does not depend on the size in between. Each page type is opened once: the scheme, width
 * and text size are switched in the page, and axe runs after each switch. The dark scans run
 * the colour rules only: the scheme changes colours and nothing else axe checks (names, roles,
 * landmarks, targets), which the light scans at the same widths and sizes cover.
 */

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** axe's rules that read colours: text contrast and links told apart by colour alone. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
type Scheme = "light" | "dark";
const SCANS: { width: number; height: number; size: TextSizeLabel; scheme: Scheme }[] = [
  { width: 320, height: 640, size: "LG", scheme: "light" },
  { width: 320, height: 640, size: "XS", scheme: "light" },
  { width: 1280, height: 800, size: "XS", scheme: "light" },
  { width: 1280, height: 800, size: "XS", scheme: "dark" },
  { width: 320, height: 640, size: "XS", scheme: "dark" },
  { width: 320, height: 640, size: "LG", scheme: "dark" },
];
const WIDTHS = [...new Set(SCANS.map((scan) => scan.width))];
const SCHEMES = [...new Set(SCANS.map((scan) => scan.scheme))];
const SIZES = [...new Set(SCANS.map((scan) => scan.size))].sort();

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
  const columns = WIDTHS.flatMap((width) => SCHEMES.map((scheme) => ({ width, scheme })));
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
    for (const size of SIZES) {
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

for (const pageType of PAGE_TYPES) {
  test(`${pageType.name}: no axe violations`, async ({ page }, testInfo) => {
    // One page load and six axe runs; on a loaded 2-core machine a run can take 15 s.
    test.setTimeout(30_000 + SCANS.length * 25_000);
    fragmentsDir = path.join(testInfo.project.outputDir, "axe-matrix");
    reportFile = path.join(
      path.dirname(testInfo.config.configFile ?? "."),
      "reports",
      "axe-matrix.md",
    );
    // Opened as the first scan sees it, so the page loads at that width and scheme.
    const [first] = SCANS;
    if (first) {
      await page.setViewportSize({ width: first.width, height: first.height });
      await page.emulateMedia({ colorScheme: first.scheme });
    }
    await pageType.open(page);
    const rows: MatrixRow[] = [];
    for (const { width, height, size, scheme } of SCANS) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await chooseTextSize(page, size);
      // resultTypes: axe still runs every rule and reports every violating element, but keeps
      // one example element per passing, incomplete or inapplicable rule: faster.
      const axe = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
      const results = await (scheme === "dark"
        ? axe.withRules(COLOUR_RULES)
        : axe.withTags(TAGS)
      ).analyze();
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
    saveRows(pageType.name, rows);
  });
}
