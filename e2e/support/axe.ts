import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe-core on the page as it is, run inside it (axe.run). AxeBuilder's default splits each scan
 * into axe.runPartial in every frame and axe.finishRun in a new blank page, which it opens,
 * loads axe into and closes on every analyze() (twice the time of the scan itself); that split
 * exists to reach cross-origin frames, and the site's pages have no frames at all, which is
 * asserted, so axe.run sees all there is.
 *
 * resultTypes: axe still runs every rule and reports every violating element, but keeps one
 * example element per passing, incomplete or inapplicable rule: faster.
 */
export async function runAxe(page: Page, only: { tags: string[] } | { rules: string[] }) {
  expect(page.frames(), "frames axe.run would not enter").toHaveLength(1);
  const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
  return ("tags" in only ? axe.withTags(only.tags) : axe.withRules(only.rules)).analyze();
}
