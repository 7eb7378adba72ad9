import { chromium } from "@playwright/test";
import { median } from "./median.ts";
import { ok, siteMeasurement } from "./site-measurement.ts";

/**
 * Interaction, timed with performance marks in Chromium driven by Playwright: Load more on the
 * front page with the next page prefetched (20 samples), and a move from a card to its
 * prefetched story (10), each from the click to the next paint.
 */
async function interactionTimings(origin: string, chromePath: string) {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loadMore: number[] = [];
  while (loadMore.length < 20) {
    const samplesBefore = loadMore.length;
    await page.goto(`${origin}/`);
    // The app loads on the reader's first interaction: move the mouse, as a reader would.
    await page.mouse.move(1, 1);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    for (;;) {
      const button = page.getByRole("button", { name: "Load more" });
      if ((await button.count()) === 0 || loadMore.length >= 20) break;
      await button.scrollIntoViewIfNeeded();
      await page.waitForLoadState("networkidle");
      const before = await page.locator("main article").count();
      const elapsed = await page.evaluate(async (count) => {
        const painted = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelectorAll("main article").length > count) {
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(resolve, 0));
            }
          });
          observer.observe(document.querySelector("main") as Node, {
            childList: true,
            subtree: true,
          });
        });
        performance.mark("load-more-click");
        (document.querySelector('[data-replay="load-more"]') as HTMLButtonElement).click();
        await painted;
        performance.mark("load-more-painted");
        return performance.measure("load-more", "load-more-click", "load-more-painted").duration;
      }, before);
      loadMore.push(elapsed);
    }
    if (loadMore.length === samplesBefore)
      throw new Error(
        "The front page has no Load more button: the Load more timing needs two pages.",
      );
  }
  const navigation: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto(`${origin}/`);
    // The app loads on the reader's first interaction: move the mouse, as a reader would.
    await page.mouse.move(1, 1);
    await page.waitForSelector("html[data-hydrated]", { state: "attached" });
    const link = page.locator("main article h2 a").nth(i);
    await link.hover();
    await page.waitForLoadState("networkidle");
    const elapsed = await page.evaluate(async (index) => {
      const anchor = document.querySelectorAll<HTMLAnchorElement>("main article h2 a")[
        index
      ] as HTMLAnchorElement;
      const headline = anchor.textContent;
      const painted = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector("main h1")?.textContent === headline) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(resolve, 0));
          }
        });
        observer.observe(document.querySelector("main") as Node, {
          childList: true,
          subtree: true,
          characterData: true,
        });
      });
      performance.mark("story-click");
      anchor.click();
      await painted;
      performance.mark("story-painted");
      return performance.measure("story", "story-click", "story-painted").duration;
    }, i);
    navigation.push(elapsed);
  }
  await browser.close();
  return {
    loadMoreMs: median(loadMore),
    loadMoreSamples: loadMore.length,
    storyNavigationMs: median(navigation),
    storyNavigationSamples: navigation.length,
  };
}

type Interaction = Awaited<ReturnType<typeof interactionTimings>>;

const report = (interaction: Interaction) => `## Interaction

| timing | figure | target |
| --- | --- | --- |
| Load more, next page prefetched: click to paint (median of ${interaction.loadMoreSamples}) | ${interaction.loadMoreMs.toFixed(1)} ms ${ok(interaction.loadMoreMs < 100)} | < 100 ms |
| card to prefetched story: click to paint (median of ${interaction.storyNavigationSamples}) | ${interaction.storyNavigationMs.toFixed(1)} ms ${ok(interaction.storyNavigationMs < 100)} | < 100 ms |`;

export const interactionMeasurement = siteMeasurement(
  "interaction",
  ({ site, chromePath }) => interactionTimings(site.origin, chromePath),
  report,
);
