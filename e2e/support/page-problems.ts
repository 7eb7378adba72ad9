import type { Page } from "@playwright/test";

/**
 * Collects what a reader should never cause: uncaught errors, console errors and dialogs.
 * The browser itself logs every 404 it receives. For an unknown story or topic that is by
 * design (the page is served with status 404, and so is its API file), so with `allowNotFound`
 * those lines, and only those, are allowed.
 */
export function watchPageProblems(page: Page, { allowNotFound = false } = {}): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
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
