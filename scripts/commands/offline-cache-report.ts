// npm run offline:cache-report: what the service worker keeps after a reader reads N stories
/**
 * `npm run offline:cache-report`: what the service worker keeps on a reader's device after
 * they read N stories (default 20, `-- --stories N`), and how much space it takes. Serves the
 * build in $DIST_DIR (default dist/; `npm run build` first) on $PORT (default: any free port),
 * opens it in Chromium ($CHROME_PATH, default /usr/bin/chromium) as a phone (360 x 740, or
 * `-- --desktop` for 1280 x 800), opens the front page, then each of the newest N stories of
 * Breaking News from the story before it (Next story, drawn by the app), as a reader paging
 * through the news, and lists every cache: entries, bytes of the bodies kept, by kind.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { createStaticServer } from "../hosting/static-server.ts";
import { listen } from "../shared/listen.ts";

const { values } = parseArgs({
  options: { stories: { type: "string", default: "20" }, desktop: { type: "boolean" } },
});
const stories = Number(values.stories);
if (!Number.isInteger(stories) || stories < 1) {
  console.error(`--stories: expected a whole number of stories, got "${values.stories}"`);
  process.exit(1);
}
const root = path.resolve(process.env.DIST_DIR ?? "dist");
if (!existsSync(path.join(root, "sw.js"))) {
  console.error(`No production build with a service worker in ${root}: run npm run build first.`);
  process.exit(1);
}

type CacheFigures = { cache: string; kind: string; entries: number; bytes: number }[];

/** Every cache of the page's origin, entries and body bytes by kind of file. */
function readCaches(page: Page): Promise<CacheFigures> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async () => {
    const rows: { cache: string; kind: string; entries: number; bytes: number }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const bytes = response ? (await response.arrayBuffer()).byteLength : 0;
        const pathname = new URL(request.url).pathname;
        const kind = pathname.startsWith("/images/")
          ? "photos"
          : pathname.startsWith("/assets/")
            ? "code and styles"
            : pathname.endsWith(".json")
              ? "JSON"
              : /\.(png|svg|webmanifest)$/.test(pathname)
                ? "manifest and icons"
                : "pages (HTML)";
        let row = rows.find((r) => r.cache === name && r.kind === kind);
        if (!row) {
          row = { cache: name, kind, entries: 0, bytes: 0 };
          rows.push(row);
        }
        row.entries += 1;
        row.bytes += bytes;
      }
    }
    return rows;
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const site = await listen(await createStaticServer(root), Number(process.env.PORT ?? 0));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const viewport = values.desktop ? { width: 1280, height: 800 } : { width: 360, height: 740 };
  const context = await browser.newContext({ viewport, serviceWorkers: "allow" });
  const page = await context.newPage();
  const ready = async () => {
    await page.mouse.move(1, 1);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
  };
  await page.goto(site.origin);
  await ready();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.locator("main h2 a").first().click();
  const read: string[] = [];
  for (;;) {
    await page.waitForFunction((seen) => {
      const heading = document.querySelector("h1")?.textContent;
      return location.pathname.startsWith("/stories/") && heading && !seen.includes(heading);
    }, read);
    read.push((await page.locator("h1").textContent()) ?? "");
    // A reader reads to the end: the photos further down load too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(1_000);
    if (read.length === stories) break;
    await page.getByRole("link", { name: /^Next story/ }).click();
  }
  // Let the worker finish what it was keeping.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(2_000);
  const rows = await readCaches(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  console.log(
    `\nAfter reading ${read.length} stories (${viewport.width} x ${viewport.height}, ${root}):\n`,
  );
  console.log("| cache | kind | entries | bytes kept |");
  console.log("| --- | --- | ---: | ---: |");
  for (const row of rows.sort((a, b) => a.cache.localeCompare(b.cache) || b.bytes - a.bytes)) {
    console.log(`| ${row.cache} | ${row.kind} | ${row.entries} | ${kb(row.bytes)} |`);
  }
  console.log(
    `| all caches | | ${rows.reduce((sum, row) => sum + row.entries, 0)} | ${kb(total)} |`,
  );
  console.log(`\nChromium counts ${kb(usage)} of storage in use for the site (its own estimate).`);
} finally {
  await browser.close();
  await site.close();
}
