import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestInfo } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { chooseTextSize, PAGE_TYPES, type PageType, type TextSizeLabel } from "../page-types.ts";
import { expect, type Page } from "../test";
import { runAxe } from "./axe.ts";

/** The axe-core scans of the accessibility sweep (e2e/a11y-sweep.spec.ts) and their matrix. */
export type Scheme = "light" | "dark";
export type Width = 320 | 1280;

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** axe's rules that read colours: text contrast and links told apart by colour alone. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
/**
 * The rules whose answer a text size can change at one width and scheme: contrast (the large-text
 * threshold) and the size of targets. The rest (names, roles, landmarks, headings) read the
 * same markup at every size, which the full scan at the other size already read.
 */
const SIZE_RULES = [...COLOUR_RULES, "target-size"];
type Scan = { size: TextSizeLabel; scheme: Scheme; rules?: string[] };
const SCANS: Record<Width, Scan[]> = {
  320: [
    { size: "LG", scheme: "light" },
    { size: "XS", scheme: "light", rules: SIZE_RULES },
    { size: "XS", scheme: "dark", rules: COLOUR_RULES },
    { size: "LG", scheme: "dark", rules: COLOUR_RULES },
  ],
  1280: [
    { size: "XS", scheme: "light" },
    { size: "XS", scheme: "dark", rules: COLOUR_RULES },
  ],
};
const SCHEMES: Scheme[] = ["light", "dark"];
const AXE_SIZES = [...new Set(Object.values(SCANS).flatMap((scans) => scans.map((s) => s.size)))];

export type MatrixRow = {
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
export async function checkAxe(page: Page, pageType: PageType, width: Width): Promise<MatrixRow[]> {
  const rows: MatrixRow[] = [];
  for (const { size, scheme, rules } of SCANS[width]) {
    await page.emulateMedia({ colorScheme: scheme });
    await chooseTextSize(page, size);
    const results = await runAxe(page, rules ? { rules } : { tags: TAGS });
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

/** Where this run's rows and the matrix go: the project's output folder and reports/. */
export function matrixFiles(testInfo: TestInfo): void {
  fragmentsDir = path.join(testInfo.project.outputDir, "axe-matrix");
  reportFile = path.join(
    path.dirname(testInfo.config.configFile ?? "."),
    "reports",
    "axe-matrix.md",
  );
}

export function saveRows(name: string, rows: MatrixRow[]): void {
  if (!fragmentsDir) return;
  mkdirSync(fragmentsDir, { recursive: true });
  const file = path.join(fragmentsDir, `${name.replace(/[^a-z0-9]+/gi, "-")}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(rows));
  renameSync(`${file}.tmp`, file);
}

export function writeMatrix(): void {
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
    `Tags: ${TAGS.join(", ")} (every rule of them at 320 px LG light and 1280 px XS light; at 320 px XS light only ${SIZE_RULES.join(", ")}, which text size can change; in dark only ${COLOUR_RULES.join(", ")}). Cells: number of violations (failing rule ids).`,
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
