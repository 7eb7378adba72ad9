/**
 * The lite pages in `npm run bench` (scripts/commands/bench.ts, against the site it serves):
 * - bytes: what the seed story's lite page and the lite front page transfer in all, as a
 *   browser that accepts only gzip receives them (every response's headers and body), and how
 *   many requests each makes (one: the page itself), against the budgets of ISSUE-26 (15 KB and
 *   10 KB);
 * - Lighthouse 12, mobile and desktop, median of `runs` (site-bench-lighthouse.ts): the four
 *   category scores (target 100).
 * Alone, against a running build: `tsx scripts/bench/lite-bench.ts <origin>`.
 */
import { chromium } from "@playwright/test";
import { litePath } from "../../src/shared/lite-paths.ts";
import { SEED_STORY_ID as SEED_STORY } from "./seed-story.ts";
import { categoryScores, lighthouseMedians } from "./site-bench-lighthouse.ts";
import { kb, ok } from "./site-measurement.ts";

const PAGES = [
  { name: "lite story (seed)", path: litePath.story(SEED_STORY), budget: 15 * 1024 },
  { name: "lite front page", path: litePath.front(), budget: 10 * 1024 },
];
const FORM_FACTORS = ["mobile", "desktop"] as const;

export type LiteBenchResult = {
  pages: {
    name: string;
    path: string;
    budget: number;
    /** Headers and bodies of every response, gzip. */
    transferredGzip: number;
    requests: string[];
    /** By form factor: the median score of each category. */
    scores: Record<(typeof FORM_FACTORS)[number], number[]>;
  }[];
  runs: number;
};

async function transferred(origin: string, chromePath: string, path: string) {
  const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ extraHTTPHeaders: { "accept-encoding": "gzip" } });
    const finished: Promise<number>[] = [];
    const requests: string[] = [];
    page.on("requestfinished", (request) => {
      requests.push(new URL(request.url()).pathname);
      finished.push(
        request.sizes().then((sizes) => sizes.responseHeadersSize + sizes.responseBodySize),
      );
    });
    await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
    const bytes = (await Promise.all(finished)).reduce((sum, size) => sum + size, 0);
    return { bytes, requests };
  } finally {
    await browser.close();
  }
}

export async function liteBench(options: {
  origin: string;
  chromePath: string;
  runs: number;
}): Promise<LiteBenchResult> {
  const { origin, chromePath, runs } = options;
  const measured = await lighthouseMedians(
    chromePath,
    PAGES.map((page) => ({ name: page.name, url: `${origin}${page.path}` })),
    runs,
  );
  const pages: LiteBenchResult["pages"] = [];
  for (const page of PAGES) {
    const { bytes, requests } = await transferred(origin, chromePath, page.path);
    const scores = {} as LiteBenchResult["pages"][number]["scores"];
    for (const formFactor of FORM_FACTORS) {
      const median = measured[formFactor][page.name];
      if (!median) throw new Error(`Lighthouse measured nothing for ${page.path} (${formFactor})`);
      scores[formFactor] = categoryScores(median);
    }
    pages.push({ ...page, transferredGzip: bytes, requests, scores });
  }
  return { pages, runs };
}

/** The report's section on the lite pages. */
export function liteTable(result: LiteBenchResult): string {
  const rows = result.pages.map((page) => {
    const scores = FORM_FACTORS.map(
      (formFactor) =>
        `${page.scores[formFactor].join(" / ")} ${ok(page.scores[formFactor].every((score) => score === 100))}`,
    );
    return `| ${page.name} (\`${page.path}\`) | ${kb(page.transferredGzip)} ${ok(page.transferredGzip <= page.budget)} (≤ ${kb(page.budget)}) | ${page.requests.length} ${ok(page.requests.length === 1)} | ${scores.join(" | ")} |`;
  });
  return `## Lite pages

Transferred in all with only gzip accepted (headers and bodies of every response), requests made, and Lighthouse scores (Performance / Accessibility / Best Practices / SEO, median of ${result.runs}).

| page | transferred (gzip) | requests | mobile | desktop |
| --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const origin = process.argv[2] ?? "http://localhost:4173";
  const result = await liteBench({
    origin,
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    runs: Number(process.env.BENCH_RUNS ?? 3),
  });
  console.log(liteTable(result));
}
