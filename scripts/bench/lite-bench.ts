/**
 * The lite pages in `npm run bench` (called from site-bench.ts against the site it serves):
 * - bytes: what the seed story's lite page and the lite front page transfer in all, as a
 *   browser that accepts only gzip receives them (every response's headers and body), and how
 *   many requests each makes (one: the page itself), against the budgets of ISSUE-26 (15 KB and
 *   10 KB);
 * - Lighthouse 12, mobile and desktop, median of `runs`: the four category scores (target 100).
 * Alone, against a running build: `tsx scripts/bench/lite-bench.ts <origin>`.
 */
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { litePath } from "../../src/shared/lite-paths.ts";
import { median } from "./median.ts";
import { SEED_STORY_ID as SEED_STORY } from "./seed-story.ts";

const PAGES = [
  { name: "lite story (seed)", path: litePath.story(SEED_STORY), budget: 15 * 1024 },
  { name: "lite front page", path: litePath.front(), budget: 10 * 1024 },
];
const FORM_FACTORS = ["mobile", "desktop"] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

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

async function scores(url: string, formFactor: (typeof FORM_FACTORS)[number], port: number) {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error" },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return CATEGORIES.map((id) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100));
}

export async function liteBench(options: {
  origin: string;
  chromePath: string;
  runs: number;
}): Promise<LiteBenchResult> {
  const { origin, chromePath, runs } = options;
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const pages: LiteBenchResult["pages"] = [];
    for (const page of PAGES) {
      const { bytes, requests } = await transferred(origin, chromePath, page.path);
      const byFormFactor = {} as LiteBenchResult["pages"][number]["scores"];
      for (const formFactor of FORM_FACTORS) {
        const samples: number[][] = [];
        for (let run = 0; run < runs; run++) {
          console.log(`Lighthouse ${formFactor} ${page.path} run ${run + 1}/${runs}`);
          samples.push(await scores(`${origin}${page.path}`, formFactor, chrome.port));
        }
        byFormFactor[formFactor] = CATEGORIES.map((_, index) =>
          median(samples.map((sample) => sample[index] ?? 0)),
        );
      }
      pages.push({ ...page, transferredGzip: bytes, requests, scores: byFormFactor });
    }
    return { pages, runs };
  } finally {
    await chrome.kill();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ok = (pass: boolean) => (pass ? "✅" : "❌");

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
