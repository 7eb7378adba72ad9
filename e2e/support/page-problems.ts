import type { Page } from "@playwright/test";

/**
 * Collects what a reader should never cause: uncaught errors, console errors and dialogs.
 * The browser itself logs every 404 it receives; an unknown story or topic under /api/ is one
 * by design, so those (and only those) are allowed when `allowApi404` is set.
 */
export function watchPageProblems(page: Page, { allowApi404 = false } = {}): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    const api404 =
      message.text().includes("status of 404") && source.includes("/api/") && allowApi404;
    if (!api404) problems.push(`console.error: ${message.text()}`);
  });
  return problems;
}
