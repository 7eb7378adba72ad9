import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { MIRROR_BASE } from "./e2e/fixtures/base-path-site.ts";
import { HOSTILE_DATA_DIR, HOSTILE_DIST } from "./e2e/fixtures/hostile-corpus.ts";

const PORT = Number(process.env.E2E_PORT ?? 4174);
const baseURL = `http://localhost:${PORT}`;
/** The same app built from the hostile corpus (e2e/fixtures/hostile-data), served beside it. */
const HOSTILE_PORT = PORT + 1;
const hostileURL = `http://localhost:${HOSTILE_PORT}`;
const HOSTILE_SPECS = "hostile-content.spec.ts";
/** The same build served by nginx with its generated configuration (npm run serve:nginx). */
const NGINX_PORT = PORT + 2;
const nginxURL = `http://localhost:${NGINX_PORT}`;
/**
 * The reader journeys and the checks that depend on the server, not the whole suite again (what
 * the server answers for every mistyped address is in hosting.spec.ts; what the app then does
 * with it is the same on any host).
 */
const NGINX_SPECS = ["feed.spec.ts", "story.spec.ts", "csp.spec.ts", "hosting.spec.ts"];
/**
 * The site built for a base path (e2e/fixtures/base-path-site.ts), served under it by npm
 * start's server. E2E_PORT + 3 is search-words.spec.ts's.
 */
const MIRROR_PORT = PORT + 4;
const mirrorURL = `http://localhost:${MIRROR_PORT}`;
const MIRROR_SPECS = "base-path.spec.ts";
/**
 * Chromium's headless shell (Debian's chromium-headless-shell), what Playwright itself runs for
 * headless tests: the same Blink and V8 as the browser, without the browser's own interface. The
 * suite took half the CPU time with it (on two busy cores, 2m21s instead of 4m22s); the full
 * browser (`/usr/bin/chromium`) is used where the shell is not installed. CHROME_PATH picks
 * another.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const browser =
  process.env.CHROME_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The tests mostly wait (for pages, timers, the network): at two workers the two cores were
  // busy about a third of the time (`time npm test` on a quiet machine: 5m08s of CPU in 7m10s),
  // so four browsers run side by side. E2E_WORKERS sets another number.
  workers: Number(process.env.E2E_WORKERS) || 4,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL,
    // A failed test keeps its trace: actions, DOM snapshots (which the trace viewer shows as the
    // page), console and network. Not the screencast film strip: encoding frames all through
    // every passing test was about a fifth of the end-to-end run's CPU time.
    trace: { mode: "retain-on-failure", screenshots: false },
    // The site's service worker would answer requests that page.route() then never sees (the
    // network-fault checks); e2e/offline.spec.ts allows it and tests it.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: browser,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: [HOSTILE_SPECS, MIRROR_SPECS],
    },
    {
      name: "hostile-content",
      use: { ...devices["Desktop Chrome"], baseURL: hostileURL },
      testMatch: HOSTILE_SPECS,
    },
    {
      name: "nginx",
      use: { ...devices["Desktop Chrome"], baseURL: nginxURL },
      testMatch: NGINX_SPECS,
    },
    {
      name: "base-path",
      // The origin alone: the spec names every address under the base itself.
      use: { ...devices["Desktop Chrome"], baseURL: mirrorURL },
      testMatch: MIRROR_SPECS,
    },
  ],
  // Tests run against production builds (npm test builds both first).
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/commands/start.ts`,
      env: { PORT: String(PORT) },
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `node_modules/.bin/tsx scripts/commands/start.ts`,
      // DIST_DIR picks the folder to serve (start.ts builds into it if it is missing, from the
      // content in DATA_DIR).
      env: { PORT: String(HOSTILE_PORT), DIST_DIR: HOSTILE_DIST, DATA_DIR: HOSTILE_DATA_DIR },
      url: hostileURL,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `node_modules/.bin/tsx scripts/commands/serve-nginx.ts`,
      env: { PORT: String(NGINX_PORT) },
      url: nginxURL,
      reuseExistingServer: false,
      timeout: 120_000,
      // nginx stops on SIGTERM and removes its pid file (the default, SIGKILL, would not).
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // Builds dist-base-path/ first if npm test has not.
      command: `node_modules/.bin/tsx e2e/fixtures/base-path-site.ts serve`,
      env: { PORT: String(MIRROR_PORT) },
      url: `${mirrorURL}${MIRROR_BASE}`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
