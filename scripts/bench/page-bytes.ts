/**
 * What a page costs a reader in bytes: each page loaded once in a fresh Chromium context, as a
 * phone (360×740, 2× pixels), left alone until it has loaded and the start-up script's idle
 * time (3 s settle + up to 2 s idle, src/start-up/start-up.ts) has passed with no request in
 * flight, then every response's transferred bytes (headers and body as sent, compressed or
 * not, from the DevTools protocol's `encodedDataLength`) summed by resource type.
 *
 * "data saver" loads the page as a browser that asks to save data would: `Save-Data: on` on
 * every request and `navigator.connection.saveData` true (headless Chromium sends the header
 * but does not report it there, so an init script does; e2e/data-saver.spec.ts checks the same).
 * A page answered with another status than 200 is reported as that status, never as 0 bytes.
 *
 * Used by `npm run bench` (scripts/commands/bench.ts) for the seed story in each mode; alone,
 * against an existing build: `DIST_DIR=dist npx tsx scripts/bench/page-bytes.ts [path...]`
 * (default: the seed story full, in data saver mode, and its lite page).
 */
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { createStaticServer } from "../hosting/static-server.ts";
import { listen } from "../shared/listen.ts";
import { SEED_STORY_ID } from "./seed-story.ts";

export type PageBytesTarget = { name: string; path: string; saveData?: boolean };
export type PageBytes = {
  name: string;
  path: string;
  status: number;
  /** Transferred bytes per resource type (Document, Script, Image, Fetch, …). */
  byType: Record<string, number>;
  total: number;
  requests: number;
};

/** How long a page is left alone after `load`: the start-up script's settle time and idle wait. */
const IDLE_MS = 6_000;
/** …and then until this long has passed with nothing in flight. */
const QUIET_MS = 1_000;

/** What a browser asking to save data reports (see above). */
const SAVE_DATA_SCRIPT = `{
  const connection = navigator.connection;
  if (connection) Object.defineProperty(Object.getPrototypeOf(connection), "saveData", { get: () => true });
}`;

/** The seed story full, in data saver mode, and as its lite page. */
export function seedStoryTargets(id = SEED_STORY_ID): PageBytesTarget[] {
  return [
    { name: "full", path: `/stories/${id}` },
    { name: "data saver", path: `/stories/${id}`, saveData: true },
    { name: "lite", path: `/lite/stories/${id}` },
  ];
}

export async function pageBytes(
  origin: string,
  targets: PageBytesTarget[],
  { chromePath }: { chromePath?: string } = {},
): Promise<PageBytes[]> {
  const browser = await chromium.launch({
    ...(chromePath ? { executablePath: chromePath } : {}),
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  const results: PageBytes[] = [];
  try {
    for (const target of targets) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        serviceWorkers: "block",
        ...(target.saveData ? { extraHTTPHeaders: { "Save-Data": "on" } } : {}),
      });
      if (target.saveData) {
        // A string, not a function: tsx adds helpers to a function's text that the page lacks.
        await context.addInitScript(SAVE_DATA_SCRIPT);
      }
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const types = new Map<string, string>();
      const sizes = new Map<string, number>();
      const inFlight = new Set<string>();
      let lastActivity = Date.now();
      cdp.on("Network.requestWillBeSent", (event) => {
        inFlight.add(event.requestId);
        lastActivity = Date.now();
      });
      cdp.on("Network.responseReceived", (event) => types.set(event.requestId, event.type));
      cdp.on("Network.loadingFinished", (event) => {
        sizes.set(event.requestId, event.encodedDataLength);
        inFlight.delete(event.requestId);
        lastActivity = Date.now();
      });
      cdp.on("Network.loadingFailed", (event) => {
        inFlight.delete(event.requestId);
        lastActivity = Date.now();
      });
      const response = await page.goto(new URL(target.path, origin).href, { waitUntil: "load" });
      const status = response?.status() ?? 0;
      if (status === 200) {
        await page.waitForTimeout(IDLE_MS);
        while (inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS) {
          await page.waitForTimeout(200);
        }
      }
      const byType: Record<string, number> = {};
      for (const [id, size] of sizes) {
        const type = types.get(id) ?? "Other";
        byType[type] = (byType[type] ?? 0) + size;
      }
      results.push({
        name: target.name,
        path: target.path,
        status,
        byType,
        total: Object.values(byType).reduce((sum, size) => sum + size, 0),
        requests: sizes.size,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table, one row a page; a page that was not 200 says so in place of its bytes. */
export function pageBytesTable(results: PageBytes[]): string {
  const rows = results.map((result) =>
    result.status === 200
      ? `| ${result.name} | ${result.path} | ${kb(result.total)} | ${result.requests} | ${Object.entries(
          result.byType,
        )
          .sort(([, a], [, b]) => b - a)
          .map(([type, size]) => `${type} ${kb(size)}`)
          .join(", ")} |`
      : `| ${result.name} | ${result.path} | **HTTP ${result.status}: not measured** | – | – |`,
  );
  return `Bytes transferred by a phone (360×740) after the page is idle (scripts/bench/page-bytes.ts):

| mode | page | transferred | requests | by type |
| --- | --- | --- | --- | --- |
${rows.join("\n")}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const paths = process.argv.slice(2);
  const targets =
    paths.length > 0 ? paths.map((path) => ({ name: path, path })) : seedStoryTargets();
  const site = await listen(await createStaticServer(process.env.DIST_DIR ?? "dist"));
  try {
    const results = await pageBytes(site.origin, targets, {
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    });
    console.log(pageBytesTable(results));
  } finally {
    await site.close();
  }
}
