import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { median } from "./median.ts";
import {
  type BenchSite,
  kb,
  ok,
  type SiteMeasurement,
  siteMeasurement,
} from "./site-measurement.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FORM_FACTORS = ["mobile", "desktop"] as const;
type FormFactor = (typeof FORM_FACTORS)[number];

type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  fcp: number;
  cls: number;
  tbt: number;
  bytes: Record<string, number>;
};

/**
 * A page Lighthouse measures. An app page is held to the targets (100 in every category, CLS 0,
 * TBT under 50 ms); `lcpAgainst` names the page whose LCP this one's is compared with (target
 * at most 1.25 times it), measured in the same run.
 */
export type LighthousePage = {
  name: string;
  url: (bench: BenchSite) => string;
  app: boolean;
  lcpAgainst?: string;
};

export type LighthouseResults = Record<FormFactor, Record<string, Run & { runs: Run[] }>>;

/** A run's four category scores: Performance, Accessibility, Best Practices, SEO. */
export const categoryScores = (run: Run) => [
  run.performance,
  run.accessibility,
  run.bestPractices,
  run.seo,
];

async function lighthouseRun(url: string, formFactor: FormFactor, port: number): Promise<Run> {
  const result = await lighthouse(
    url,
    { port, output: "json", logLevel: "error" },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const items =
    (
      lhr.audits["resource-summary"]?.details as {
        items?: { resourceType: string; transferSize: number }[];
      }
    )?.items ?? [];
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: value("largest-contentful-paint"),
    fcp: value("first-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    tbt: value("total-blocking-time"),
    bytes: Object.fromEntries(items.map((item) => [item.resourceType, item.transferSize])),
  };
}

function medianRun(runs: Run[]): Run {
  const pick = (key: Exclude<keyof Run, "bytes">) => median(runs.map((run) => run[key]));
  const types = new Set(runs.flatMap((run) => Object.keys(run.bytes)));
  return {
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    seo: pick("seo"),
    lcp: pick("lcp"),
    fcp: pick("fcp"),
    cls: pick("cls"),
    tbt: pick("tbt"),
    bytes: Object.fromEntries(
      [...types].map((type) => [type, median(runs.map((run) => run.bytes[type] ?? 0))]),
    ),
  };
}

/**
 * Lighthouse, mobile (its default throttling) and desktop, `runs` times for each page, in one
 * Chrome: each page's median run by form factor, with its runs.
 */
export async function lighthouseMedians(
  chromePath: string,
  pages: { name: string; url: string }[],
  runs = RUNS,
): Promise<LighthouseResults> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const results: LighthouseResults = { mobile: {}, desktop: {} };
  try {
    for (const formFactor of FORM_FACTORS) {
      for (const page of pages) {
        const samples: Run[] = [];
        for (let i = 0; i < runs; i++) {
          console.log(`Lighthouse ${formFactor} ${page.name} run ${i + 1}/${runs}`);
          samples.push(await lighthouseRun(page.url, formFactor, chrome.port));
        }
        results[formFactor][page.name] = { ...medianRun(samples), runs: samples };
      }
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

function report(title: string, pages: LighthousePage[], results: LighthouseResults): string {
  const rows: string[] = [];
  for (const formFactor of FORM_FACTORS) {
    for (const page of pages) {
      const r = results[formFactor][page.name];
      if (!r) continue;
      const against = page.lcpAgainst ? results[formFactor][page.lcpAgainst] : undefined;
      const ratio = against ? r.lcp / against.lcp : Number.NaN;
      const scores = categoryScores(r);
      const target = (pass: boolean) => (page.app ? ok(pass) : "");
      const transferred = Object.entries(r.bytes)
        .filter(([type, size]) => type !== "total" && size > 0)
        .map(([type, size]) => `${type} ${kb(size)}`)
        .join(", ");
      rows.push(
        `| ${formFactor} | ${page.name} | ${scores.join(" / ")} ${target(scores.every((s) => s === 100))} | ${Math.round(r.fcp)} | ${Math.round(r.lcp)}${Number.isNaN(ratio) ? "" : ` (${ratio.toFixed(2)}x ${ok(ratio <= 1.25)})`} | ${r.cls.toFixed(3)} ${target(r.cls === 0)} | ${Math.round(r.tbt)} ${target(r.tbt < 50)} | ${transferred} (total ${kb(r.bytes.total ?? 0)}) |`,
      );
    }
  }
  return `## ${title}

Lighthouse 12, median of ${RUNS} runs per page. Scores: Performance / Accessibility / Best Practices / SEO (target 100 each).
LCP ratio is against the static baseline page measured in the same run (target ≤ 1.25x); CLS target 0; TBT target < 50 ms.

| mode | page | scores | FCP ms | LCP ms | CLS | TBT ms | transferred |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}`;
}

/**
 * Lighthouse, median of BENCH_RUNS runs (default 3), mobile (default throttling) and desktop,
 * for each of `pages`, in one Chrome; one table titled `title`.
 */
export const lighthouseMeasurement = (
  key: string,
  title: string,
  pages: LighthousePage[],
): SiteMeasurement =>
  siteMeasurement(
    key,
    (bench) =>
      lighthouseMedians(
        bench.chromePath,
        pages.map((page) => ({ name: page.name, url: page.url(bench) })),
      ),
    (results) => report(title, pages, results),
  );
