// npm run test: typecheck, lint, unit, build, end-to-end; one "N passed, N failed" line
/**
 * `npm test`: typecheck, lint, unit tests, a production build, a second build from the
 * hostile corpus (e2e/fixtures/hostile-data) and a third for a base path
 * (e2e/fixtures/base-path-site.ts), then the end-to-end tests against all three. Every
 * step runs even if an earlier one failed, so one run shows every problem; the last line
 * totals both test runners: `N passed, N failed[, N skipped]`.
 *
 * `npm test -- --crash` (what CI runs) adds `npm run test:crash` at the end, when nothing else
 * runs beside it: builds killed at random moments, the build-state matrix and a publish under
 * load, minutes of both cores. Its tests count in the same closing line.
 *
 * The unit tests run beside the builds and the end-to-end tests, their output held back and
 * printed after: the browsers mostly wait (for pages, timers, the network), and the two
 * cores were busy less than half of `npm test`'s time with the steps one after another.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { parseArgs } from "node:util";
import { HOSTILE_DATA_DIR, HOSTILE_DIST } from "../../e2e/fixtures/hostile-corpus.ts";

type Counts = { passed: number; failed: number; skipped: number };

const REPORTS = "reports";
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const shownEnv = Object.entries(env).map(([name, value]) => `${name}=${value} `);
  console.log(`\n▶ ${label}: ${shownEnv.join("")}${command} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return finish(label, (performance.now() - started) / 1000, result.status ?? result.signal);
}

/** Says how a step ended, with its wall time, so a slow run shows which step grew. */
function finish(label: string, wallSeconds: number, exit: number | string | null): boolean {
  const seconds = wallSeconds.toFixed(1);
  if (exit === 0) console.log(`✔ ${label}: ${seconds} s`);
  else console.log(`✖ ${label} failed (exit ${exit}) after ${seconds} s`);
  return exit === 0;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
// An unknown option stops here with parseArgs's error, before minutes of checks run.
const withCrashSuite = parseArgs({ options: { crash: { type: "boolean" } } }).values.crash === true;
const failures: string[] = [];

if (!run("typecheck", bin("tsc"), ["--noEmit"])) failures.push("typecheck");
if (!run("lint", bin("biome"), ["check", "."])) failures.push("lint");

/**
 * Runs a step in the background, its output into a file (the steps after it block this
 * process, so it could not drain a pipe) until `report` prints it.
 */
function start(label: string, command: string, args: string[]) {
  const started = Date.now();
  const log = `${REPORTS}/${label.replaceAll(" ", "-")}.log`;
  const out = openSync(log, "w");
  const child = spawn(command, args, {
    stdio: ["ignore", out, out],
    // Colours as on a terminal, since the output is shown as the runner wrote it.
    env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" }) },
  });
  closeSync(out);
  const finished = new Promise<number | null>((resolve) => {
    child.on("close", (code) => resolve(code));
    child.on("error", () => resolve(null));
  });
  return {
    async report(): Promise<boolean> {
      const code = await finished;
      console.log(`\n▶ ${label} (run beside the steps above): ${command} ${args.join(" ")}`);
      process.stdout.write(readFileSync(log));
      // Timed to its end, not to now: the steps it ran beside block this process (spawnSync),
      // so its exit is seen only after them. Its log was last written as it ended.
      return finish(label, (statSync(log).mtimeMs - started) / 1000, code);
    },
  };
}

const unitTests = start("unit tests", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${REPORTS}/vitest.json`,
]);

const buildOk = run("production build", bin("tsx"), ["scripts/commands/build.ts"]);
if (!buildOk) failures.push("build");

// The same app built from content where every text field is a markup or script payload; the
// "hostile-content" Playwright project serves it from dist-hostile/ (playwright.config.ts).
const hostileBuildOk = run("hostile-content build", bin("tsx"), ["scripts/commands/build.ts"], {
  DATA_DIR: HOSTILE_DATA_DIR,
  OUT_DIR: HOSTILE_DIST,
});
if (!hostileBuildOk) failures.push("hostile-content build");

// The newest stories built for a base path, as a mirror serves them; the "base-path" Playwright
// project serves it from dist-base-path/ (e2e/fixtures/base-path-site.ts).
const mirrorBuildOk = run("base-path build", bin("tsx"), [
  "e2e/fixtures/base-path-site.ts",
  "build",
]);
if (!mirrorBuildOk) failures.push("base-path build");

const e2eOk =
  buildOk &&
  hostileBuildOk &&
  mirrorBuildOk &&
  run("end-to-end tests", bin("playwright"), ["test"]);
if (!e2eOk) failures.push("end-to-end tests");
if (!(await unitTests.report())) failures.push("unit tests");

if (
  withCrashSuite &&
  !run("crash tests", bin("vitest"), [
    "run",
    "--config",
    "vitest.crash.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${REPORTS}/vitest-crash.json`,
  ])
) {
  failures.push("crash tests");
}

type VitestCounts = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
const vitestReports = ["vitest.json", "vitest-crash.json"].flatMap(
  (file) => readJson<VitestCounts>(`${REPORTS}/${file}`) ?? [],
);
const sum = (count: (report: VitestCounts) => number) =>
  vitestReports.reduce((total, report) => total + count(report), 0);
const e2e = readJson<{
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}>(`${REPORTS}/playwright.json`);
const totals: Counts = {
  passed: sum((r) => r.numPassedTests) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0),
  failed: sum((r) => r.numFailedTests) + (e2e?.stats.unexpected ?? 0),
  skipped: sum((r) => r.numPendingTests + r.numTodoTests) + (e2e?.stats.skipped ?? 0),
};
// A step that failed without a test failing (typecheck, lint, build, a crashed runner) still
// counts as a failure, so the summary line can never read "0 failed" on a red run.
if (failures.length > 0 && totals.failed === 0) totals.failed = failures.length;

console.log(failures.length ? `\nFailed steps: ${failures.join(", ")}` : "\nAll steps passed.");
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(failures.length ? 1 : 0);
