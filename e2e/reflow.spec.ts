import { unreadableText } from "./layout-checks.ts";
import { chooseTextSize, expectNoSidewaysScroll, PAGE_TYPES, SEED_STORY } from "./page-types.ts";
import { expect, test } from "./test";

// These tests inject a probe or user stylesheet, as a reader's extension would; extensions are
// not bound by the page's Content Security Policy, so the test browser is not either.
test.use({ bypassCSP: true });

/**
 * Resize text (1.4.4) on every page type. Reflow (1.4.10) and text spacing (1.4.12) on every
 * page type are steps of e2e/a11y-sweep.spec.ts.
 */

/**
 * 200% browser zoom on a 1280 x 800 window gives the page a 640 x 400 CSS px viewport and a
 * device pixel ratio of 2: that is what Chromium's zoom does to layout (media queries, rem and
 * px all see the smaller CSS viewport), so emulating exactly that viewport is a faithful stand-in
 * for pressing Ctrl+ four times. (CSS `zoom` on <html> would not: media queries would still see
 * 1280 px.) LG is the reader's largest text on top of the zoom. The device pixel ratio is a
 * browser-context option, so these page types are opened again, in a context of their own.
 */
test.describe("1.4.4 resize: LG text plus 200% zoom", () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  for (const pageType of PAGE_TYPES) {
    test(`${pageType.name}: no sideways scroll, every control visible and reachable`, async ({
      page,
    }) => {
      await pageType.open(page);
      await chooseTextSize(page, "LG");
      expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
      await expectNoSidewaysScroll(page, "LG at 200%");
      const { clipped, overlapping } = await unreadableText(page);
      expect(clipped, "clipped text").toEqual([]);
      expect(overlapping, "overlapping text").toEqual([]);

      // Every link and button (apart from the skip links, which appear on focus) can be
      // scrolled to, is visible, and is the element that a click at its centre would reach.
      // The Topics menu is opened first so its links are checked too; what this width does not
      // render at all (the wide screens' topic row, the banner's second and third stories) is
      // no control here, and is checked at its own width by phone-layout.spec.ts.
      await page.getByRole("navigation", { name: "Topics" }).locator("summary").click();
      const controls = page.locator(
        "a[href]:not(.skip-links a), button, summary, [tabindex]:not([tabindex='-1'])",
      );
      const unreachable = await controls.evaluateAll((elements) =>
        elements
          .filter((element) => element.checkVisibility())
          .flatMap((element) => {
            element.scrollIntoView({ block: "center", inline: "nearest" });
            const box = element.getBoundingClientRect();
            const first = element.getClientRects()[0] ?? box;
            const hit = document.elementFromPoint(
              first.left + first.width / 2,
              first.top + first.height / 2,
            );
            const visible =
              box.width > 0 &&
              box.height > 0 &&
              box.left >= -1 &&
              box.right <= window.innerWidth + 1;
            return visible && hit && element.contains(hit)
              ? []
              : [`"${element.textContent?.trim().slice(0, 40)}" is hidden, cut off or covered`];
          }),
      );
      expect(unreachable).toEqual([]);
    });
  }

  test("a reader can still use the controls: text size, Load more, a story, next story", async ({
    page,
  }) => {
    await page.goto("/");
    await chooseTextSize(page, "LG");
    const stories = page.getByRole("list", { name: "Breaking News stories" }).getByRole("article");
    await expect(stories).toHaveCount(10);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(stories).toHaveCount(20);
    await stories.nth(10).getByRole("heading", { level: 2 }).getByRole("link").click();
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeFocused();
    await page.getByRole("link", { name: /^Next story/ }).click();
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeFocused();
    await expectNoSidewaysScroll(page, "next story at LG and 200%");
    const topics = page.getByRole("navigation", { name: "Topics" });
    await topics.locator("summary", { hasText: "Topics" }).click();
    await topics.getByRole("link", { name: "Iran" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Iran" })).toBeFocused();
    await page.goto(SEED_STORY);
    await page.getByRole("button", { name: "SM small" }).click();
    await expect(page.getByRole("button", { name: "SM small" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });
});
