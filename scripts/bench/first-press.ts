/**
 * "First press on a throttled phone": how long a reader waits for the first press on a fresh
 * page to answer, on Lighthouse's mobile settings (150 ms round trip, 1.6 Mbps down, 750 kbps
 * up, 4× slower CPU) at 360×740, in Chromium driven by Playwright and throttled through the
 * Chrome DevTools Protocol. Each sample is a new browser context (empty cache and storage, no
 * earlier interaction); the reader taps as soon as the page has loaded, and again on another
 * page 8 s after it loaded (the app has taken over by then; on the front page the reader has
 * scrolled down to Load more a second before):
 * - LG on a story page, until <html data-text-size="lg"> is painted;
 * - Load more on the front page, until its busy state (or, if they come first, the new
 *   stories) is painted, and until the new stories are painted.
 * Times run from the tap's touchstart to the next animation frame after the change.
 *
 * Used by `npm run bench`; `npm run bench:first-press` measures just this table against an
 * existing build (DIST_DIR, default dist/).
 */
import { type Browser, chromium, type Page } from "@playwright/test";
import { median } from "./median.ts";

export const FIRST_PRESS_RUNS = 5;
const STORY = "/stories/iran-president-deeper-ties-russia-shoigu-visit";
const LOAD_MORE_BUSY = "Loading more stories…";
/** Kbit/s as CDP wants it: bytes per second. */
const kbps = (kbit: number) => (kbit * 1024) / 8;
/** Lighthouse's mobile ("slow 4G") settings. */
const PHONE = { latency: 150, download: kbps(1.6 * 1024), upload: kbps(750), cpuSlowdown: 4 };

type Marks = {
  press?: number;
  /** Whether the app had taken over when the reader pressed. */
  appReady?: boolean;
  textSize?: number;
  busy?: number;
  stories?: number;
};
type Sample = { ms: number; appReadyAtPress: boolean };

/** When the reader taps: as soon as the page has loaded, and once a reader has read a little. */
/** After a wait, the reader scrolls to Load more this long before tapping it. */
const SCROLLED_BEFORE_TAP_MS = 1000;
const WAITS = [
  { ms: 0, label: "tapped as soon as it has loaded" },
  { ms: 8000, label: "tapped 8 s after load (Load more: scrolled to 1 s before)" },
] as const;

type Presses = { textSize: Sample[]; loadMoreBusy: Sample[]; stories: Sample[] };

export type FirstPressResult = { runs: number; scenarios: (Presses & { label: string })[] };

/**
 * Page-side recorder, as source text: tsx would wrap named functions in a helper the page does
 * not have. Each mark is the first animation frame after the change was seen.
 */
const recordMarks = (busyLabel: string) => `(() => {
  const marks = {};
  window.firstPressMarks = marks;
  const paintedAt = (name) => {
    if (marks.press === undefined || marks[name] !== undefined) return;
    marks[name] = Number.NaN;
    requestAnimationFrame(() => { marks[name] = performance.now(); });
  };
  const check = () => {
    if (document.documentElement.dataset.textSize === "lg") paintedAt("textSize");
    if (document.querySelectorAll("main article").length > 10) {
      paintedAt("busy");
      paintedAt("stories");
    }
    for (const button of document.querySelectorAll("main button")) {
      if (button.textContent === ${JSON.stringify(busyLabel)}) paintedAt("busy");
    }
  };
  addEventListener("touchstart", (event) => {
    marks.press = event.timeStamp;
    marks.appReady = document.documentElement.hasAttribute("data-hydrated");
    queueMicrotask(check);
  }, { capture: true, once: true });
  new MutationObserver(check).observe(document.documentElement, {
    attributes: true, childList: true, characterData: true, subtree: true,
  });
})()`;

/** A fresh throttled phone page at `url`, loaded, with the marks recorder installed. */
async function freshPhonePage(browser: Browser, url: string): Promise<Page> {
  const page = await throttledPhonePage(browser);
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(recordMarks(LOAD_MORE_BUSY));
  return page;
}

/** A blank page in a new context (empty cache and storage) on the throttled phone. */
export async function throttledPhonePage(
  browser: Browser,
  options: { serviceWorkers?: "allow" | "block" } = {},
): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.download,
    uploadThroughput: PHONE.upload,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
  return page;
}

async function waitForMarks(page: Page, names: (keyof Marks)[]): Promise<Marks> {
  await page.waitForFunction(
    (wanted) => {
      const marks = (window as unknown as { firstPressMarks: Marks }).firstPressMarks;
      return wanted.every((name) => Number.isFinite(marks[name as keyof Marks]));
    },
    names,
    { timeout: 60_000 },
  );
  return page.evaluate(() => (window as unknown as { firstPressMarks: Marks }).firstPressMarks);
}

export async function firstPressTimings(
  origin: string,
  { chromePath, runs = FIRST_PRESS_RUNS }: { chromePath: string; runs?: number },
): Promise<FirstPressResult> {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    return await measure(browser, origin, runs);
  } finally {
    await browser.close();
  }
}

async function measure(browser: Browser, origin: string, runs: number): Promise<FirstPressResult> {
  const scenarios = WAITS.map(({ label }) => ({
    label,
    textSize: [] as Sample[],
    loadMoreBusy: [] as Sample[],
    stories: [] as Sample[],
  }));
  for (let run = 0; run < runs; run++) {
    for (const [index, wait] of WAITS.entries()) {
      const result = scenarios[index] as Presses;
      const story = await freshPhonePage(browser, `${origin}${STORY}`);
      await story.waitForTimeout(wait.ms);
      await story
        .getByRole("group", { name: "Text size" })
        .getByRole("button", { name: "LG" })
        .tap();
      const sized = await waitForMarks(story, ["press", "textSize"]);
      result.textSize.push({
        ms: (sized.textSize ?? 0) - (sized.press ?? 0),
        appReadyAtPress: sized.appReady === true,
      });
      await story.context().close();

      const front = await freshPhonePage(browser, `${origin}/`);
      const loadMore = front.getByRole("button", { name: "Load more" });
      if (wait.ms > 0) {
        // A reader who has read a while has scrolled down to the button before tapping it.
        // tap() alone scrolls in the same instant as the touch, and the press then waited on
        // painting a screen of freshly scrolled-in cards and photos, not on the press itself.
        await front.waitForTimeout(wait.ms - SCROLLED_BEFORE_TAP_MS);
        await loadMore.scrollIntoViewIfNeeded();
        await front.waitForTimeout(SCROLLED_BEFORE_TAP_MS);
      }
      await loadMore.tap();
      const loaded = await waitForMarks(front, ["press", "busy", "stories"]);
      const press = loaded.press ?? 0;
      const ready = loaded.appReady === true;
      result.loadMoreBusy.push({ ms: (loaded.busy ?? 0) - press, appReadyAtPress: ready });
      result.stories.push({ ms: (loaded.stories ?? 0) - press, appReadyAtPress: ready });
      await front.context().close();
    }
    console.log(`first press run ${run + 1}/${runs}`);
  }
  return { runs, scenarios };
}

export function firstPressTable(result: FirstPressResult): string {
  const row = (when: string, what: string, samples: Sample[], target: number) => {
    const ms = median(samples.map((sample) => sample.ms));
    const ready = samples.filter((sample) => sample.appReadyAtPress).length;
    const all = samples.map((sample) => Math.round(sample.ms)).join(", ");
    return `| ${when} | ${what} | ${Math.round(ms)} ms ${ms <= target ? "✅" : "❌"} | ≤ ${target} ms | ${all} | ${ready} of ${samples.length} |`;
  };
  const rows = result.scenarios.flatMap((scenario) => [
    row(scenario.label, "text size applied (LG on a story)", scenario.textSize, 100),
    row(scenario.label, "Load more busy (front page)", scenario.loadMoreBusy, 100),
    row(scenario.label, "new stories shown (front page)", scenario.stories, 1500),
  ]);
  return `First press on a throttled phone: 360×740, 150 ms round trip, 1.6 Mbps down / 750 kbps up, CPU 4× slower (CDP); a fresh page each time; median of ${result.runs}.

| when | press → | median | target | samples (ms) | app ready at the tap |
| --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}
