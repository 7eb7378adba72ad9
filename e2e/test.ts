import { test as base, expect } from "@playwright/test";

/**
 * Pages are prerendered HTML that the app takes over when the page is idle or on the reader's
 * first interaction, whichever comes first. Tests act like a reader who moves the mouse and
 * waits for the page to be ready: `goto` and `reload` resolve once the app has hydrated (the
 * app marks <html data-hydrated>). Tests of the page *before* the app (e2e/start-up.spec.ts)
 * use `waitForApp: false`, hold or block the app's scripts and wait for `load` themselves.
 */
export const test = base.extend<{ waitForApp: boolean }>({
  waitForApp: [true, { option: true }],
  page: async ({ page, waitForApp }, use) => {
    if (waitForApp) {
      const hydrated = async () => {
        await page.mouse.move(1, 1);
        await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout: 10_000 });
      };
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        await hydrated();
        return response;
      };
      page.reload = async (options) => {
        const response = await reload(options);
        await hydrated();
        return response;
      };
    }
    await use(page);
  },
});

export type { Locator, Page } from "@playwright/test";
export { expect };
