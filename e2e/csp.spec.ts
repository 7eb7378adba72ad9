import { readFileSync } from "node:fs";
import { expect, type Page, test } from "./test";

/**
 * The production build ships a strict Content Security Policy (dist/_headers, served by
 * `npm start` as a static host would). Any violation on any page type fails the test.
 */

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

test("the policy is strict: scripts only from the site or by hash, no plugins, no framing", () => {
  const headers = readFileSync("dist/_headers", "utf8");
  const policy = headers.match(/Content-Security-Policy: (.+)/)?.[1] ?? "";
  const directives = new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get("default-src")).toEqual(["'self'"]);
  const scripts = directives.get("script-src") ?? [];
  expect(scripts[0]).toBe("'self'");
  for (const source of scripts.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic|\*/);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
});

test("the server sends the policy with every page", async ({ request }) => {
  for (const path of ["/", "/topics/iran", "/stories/iranian-tea-culture-fa", "/no-such-page"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'self'");
  }
});

test("no page type violates the policy, before or after the app takes over", async ({ page }) => {
  const violations = await collectViolations(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(20);
  await page
    .getByRole("group", { name: "Text size" })
    .getByRole("button", { name: "LG large" })
    .click();
  await page
    .getByRole("navigation", { name: "Topics" })
    .getByRole("link", { name: "Iran" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Iran" })).toBeVisible();
  for (const path of [
    "/topics/science",
    "/stories/iran-president-deeper-ties-russia-shoigu-visit",
    "/stories/iranian-tea-culture-fa",
    "/stories/brindlecombe-school-science-fair",
    "/stories/no-such-story",
    "/no/such/page",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.getByRole("link", { name: "Go to the Breaking News front page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
  expect(violations).toEqual([]);
});
