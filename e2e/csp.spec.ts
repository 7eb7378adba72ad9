import { readFileSync } from "node:fs";
import { PERSIAN_STORY, PHOTOS_STORY, SEED_STORY, textSizeGroup } from "./page-types.ts";
import { expect, type Page, test } from "./test";

/**
 * The production build ships a strict Content Security Policy (dist/_headers, served by
 * `npm start` as a static host would). Any violation on any page type fails the test. The
 * policy string itself needs no browser: scripts/shared/headers.test.ts holds it.
 */

/** The policy the build wrote for every path (the `/*` rule of dist/_headers). */
const POLICY =
  readFileSync("dist/_headers", "utf8").match(/^\s*Content-Security-Policy: (.+)$/m)?.[1] ?? "";

/** Collects violations from every document the page loads, reported as they happen. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`,
      );
    });
  });
  return violations;
}

test("the server sends the policy with every page", async ({ request }) => {
  expect(POLICY).toContain("default-src 'self'");
  for (const path of ["/", "/topics/iran", PERSIAN_STORY, "/no-such-page"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toBe(POLICY);
  }
});

test("no page type violates the policy, before or after the app takes over", async ({ page }) => {
  const violations = await collectViolations(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(20);
  await textSizeGroup(page).getByRole("button", { name: "LG large" }).click();
  await page
    .getByRole("navigation", { name: "Topics" })
    .getByRole("link", { name: "Iran" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Iran" })).toBeVisible();
  for (const path of [
    "/topics/science",
    SEED_STORY,
    PERSIAN_STORY,
    PHOTOS_STORY,
    "/stories/no-such-story",
    "/no/such/page",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("link", { name: "Go to the Breaking News front page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
  expect(violations).toEqual([]);

  // The collector hears a violation when there is one: an inline script the policy has no
  // hash for, added the way an injected payload would be, is blocked and reported.
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "document.title = 'ran'";
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join("\n")).toMatch(/script-src/);
  await expect(page).not.toHaveTitle("ran");
});
