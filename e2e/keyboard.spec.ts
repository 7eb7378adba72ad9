import { feedStories, pressUntilFocused, TEXT_SIZES, textSizeGroup } from "./page-types.ts";
import { expect, type Locator, type Page, test } from "./test";

/**
 * Keyboard only: a whole journey, and the text-size control. The skip links and focus
 * visibility (2.4.7, 2.4.11) on every page type are steps of e2e/a11y-sweep.spec.ts.
 */

const main = (page: Page) => page.getByRole("main");
const h1 = (page: Page, name?: string) =>
  main(page).getByRole("heading", { level: 1, ...(name ? { name, exact: true } : {}) });

test("a whole journey by keyboard: skip link, Load more, a story, text size, next story, back", async ({
  page,
}) => {
  await page.goto("/");
  await expect(feedStories(page)).toHaveCount(10);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(main(page)).toBeFocused();

  const loadMore = page.getByRole("button", { name: "Load more" });
  await pressUntilFocused(page, loadMore);
  await page.keyboard.press("Enter");
  await expect(feedStories(page)).toHaveCount(20);
  const eleventh = feedStories(page).nth(10).getByRole("heading", { level: 2 }).getByRole("link");
  await expect(eleventh).toBeFocused();
  await expect(page.getByRole("status")).toHaveText("10 more stories loaded");

  const headline = (await eleventh.textContent()) ?? "";
  await page.keyboard.press("Enter");
  await expect(h1(page, headline)).toBeFocused();
  const storyUrl = page.url();

  const large = textSizeGroup(page).getByRole("button", { name: "LG large, 4 of 4" });
  await pressUntilFocused(page, large, "Shift+Tab", 40);
  await page.keyboard.press("Space");
  await expect(large).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "lg");

  const next = page.getByRole("link", { name: /^Next story/ });
  await pressUntilFocused(page, next);
  const nextHeadline = ((await next.textContent()) ?? "").replace(/^Next story/, "");
  await page.keyboard.press("Enter");
  await expect(h1(page, nextHeadline)).toBeFocused();
  await expect(large).toHaveAttribute("aria-pressed", "true");

  // Back: Alt+Left is handled by the browser's own window, which Playwright's keyboard does
  // not reach, so the same history step is taken with goBack().
  await page.goBack();
  await expect(page).toHaveURL(storyUrl);
  await expect(h1(page, headline)).toBeVisible();
  // Focus returns to the link the reader followed, as a browser's back/forward cache does.
  await expect(next).toBeFocused();

  await page.goBack();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(feedStories(page)).toHaveCount(20);
  await expect(eleventh).toBeFocused();
  await expect(eleventh).toBeInViewport();
});

test.describe("the text-size control follows the toggle-button pattern, by keyboard only", () => {
  test("each option is its own Tab stop, Space and Enter press it, the state is announced", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(h1(page, "Breaking News")).toBeVisible();
    const buttons = TEXT_SIZES.map((size) =>
      textSizeGroup(page).getByRole("button", { name: size.name, exact: true }),
    );
    const [xs, sm, md, lg] = buttons as [Locator, Locator, Locator, Locator];

    // Tab order: skip links, site name, then XS, SM, MD, LG one Tab each.
    await pressUntilFocused(page, xs, "Tab", 5);
    for (const button of [sm, md, lg]) {
      await page.keyboard.press("Tab");
      await expect(button).toBeFocused();
    }
    // Arrow keys are not part of this pattern: they leave focus and state alone.
    await page.keyboard.press("ArrowLeft");
    await expect(lg).toBeFocused();
    await expect(md).toHaveAttribute("aria-pressed", "true");

    // What assistive technology is told: a group named "Text size", four buttons whose names
    // start with the visible label, exactly one pressed.
    await expect(textSizeGroup(page)).toMatchAriaSnapshot(`
      - group "Text size":
        - button "XS extra small, 1 of 4" [pressed=false]
        - button "SM small, 2 of 4" [pressed=false]
        - button "MD medium, 3 of 4" [pressed]
        - button "LG large, 4 of 4" [pressed=false]
    `);

    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await expect(sm).toBeFocused();
    await page.keyboard.press("Space");
    await expect(textSizeGroup(page).getByRole("button", { pressed: true })).toHaveAccessibleName(
      "SM small, 2 of 4",
    );
    await expect(md).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "sm");

    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(lg).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(textSizeGroup(page).getByRole("button", { pressed: true })).toHaveAccessibleName(
      "LG large, 4 of 4",
    );
    await expect(sm).toHaveAttribute("aria-pressed", "false");

    // The sizes are exclusive: pressing the chosen one again keeps it chosen (never "none").
    await page.keyboard.press("Space");
    await expect(lg).toHaveAttribute("aria-pressed", "true");
    await expect(textSizeGroup(page).getByRole("button", { pressed: true })).toHaveCount(1);

    // Each accessible name starts with the label a voice-control user sees and can say.
    for (const [i, size] of TEXT_SIZES.entries()) {
      const button = buttons[i] as Locator;
      const visible = await button.evaluate((element) =>
        [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join("")
          .trim(),
      );
      expect(visible).toBe(size.label);
      await expect(button).toHaveAccessibleName(
        new RegExp(`^${size.label} [a-z ]+, ${i + 1} of 4$`),
      );
    }
  });
});
