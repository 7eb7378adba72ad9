import type { Page } from "@playwright/test";

/**
 * Collects what a reader should never cause: uncaught errors, console errors and dialogs.
 * The browser itself logs every 404 it receives. For an unknown story or topic that is by
 * design (the page is served with status 404, and so is its API file), so with `allowNotFound`
 * those lines, and only those, are allowed. With `warnings`, console warnings count too (React
 * reports a hydration it had to repair as one), all but the test runner's own note that it kept
 * the site's service worker out (playwright.config.ts).
 */
export function watchPageProblems(
  page: Page,
  { allowNotFound = false, warnings = false } = {},
): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (warnings && message.type() === "warning") {
      if (message.text() !== "Service Worker registration blocked by Playwright") {
        problems.push(`console.warning: ${message.text()}`);
      }
      return;
    }
    if (message.type() !== "error") return;
    const source = message.location().url;
    const notFound =
      allowNotFound &&
      message.text().includes("status of 404") &&
      (source === page.url() || new URL(source).pathname.startsWith("/api/"));
    if (!notFound) problems.push(`console.error: ${message.text()} (${source})`);
  });
  return problems;
}
