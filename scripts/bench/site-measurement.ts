import type { Listening } from "../shared/listen.ts";

/** What every measurement of `npm run bench` gets: the build, and the two sites being served. */
export type BenchSite = {
  /** The build being measured (dist/) and the content it was built from (data/). */
  dist: string;
  data: string;
  /** The build, served the way `npm start` serves it. */
  site: Listening;
  /** The plain static story page (site-bench-baseline.ts) the app's story page is held to. */
  baseline: Listening;
  /** The seed story: the one page of each kind that every measurement looks at. */
  seedStory: string;
  chromePath: string;
};

/**
 * One part of `npm run bench`'s report: run against the served build, its result is written to
 * bench/report.json under `key` and its Markdown section to bench/report.md. scripts/commands/bench.ts
 * lists them all in MEASUREMENTS; `siteMeasurement` makes one.
 */
export type SiteMeasurement = {
  key: string;
  run: (bench: BenchSite) => Promise<{ result: unknown; markdown: string }>;
};

/** A measurement from what it measures and how its result reads in the report. */
export function siteMeasurement<T>(
  key: string,
  measure: (bench: BenchSite) => Promise<T>,
  report: (result: T) => string,
): SiteMeasurement {
  return {
    key,
    run: async (bench) => {
      const result = await measure(bench);
      return { result, markdown: report(result) };
    },
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** A target met or missed, in the report's tables. */
export const ok = (pass: boolean) => (pass ? "✅" : "❌");
