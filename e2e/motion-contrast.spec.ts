import { contrastRatio } from "./layout-checks.ts";
import { PAGE_TYPES, SEED_STORY } from "./page-types.ts";
import { expect, type Locator, type Page, test } from "./test";

// These tests inject a probe or user stylesheet, as a reader's extension would; extensions are
// not bound by the page's Content Security Policy, so the test browser is not either.
test.use({ bypassCSP: true });

/**
 * Motion (2.3.3 / prefers-reduced-motion) and non-text contrast (1.4.11). Text contrast is
 * axe's color-contrast rule, run in both themes by a11y-axe.spec.ts.
 */

/** Transitions and animations anywhere in the page (pseudo-elements included) over 10 ms. */
function motionOver10ms(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(
        ...list.split(",").map((value) => {
          const number = Number.parseFloat(value);
          return value.trim().endsWith("ms") ? number / 1000 : number;
        }),
      );
    const problems: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(element, pseudo);
        const name = `<${element.tagName.toLowerCase()}>${pseudo ?? ""}`;
        if (style.transitionProperty !== "none" && seconds(style.transitionDuration) > 0.01) {
          problems.push(`${name} transition ${style.transitionDuration}`);
        }
        if (style.animationName !== "none" && seconds(style.animationDuration) > 0.01) {
          problems.push(`${name} animation ${style.animationDuration}`);
        }
      }
    }
    for (const animation of document.getAnimations()) {
      const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
      if (animation.playState === "running" && duration > 10) {
        problems.push(`running animation of ${duration} ms`);
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior !== "auto") {
      problems.push("smooth scrolling");
    }
    return problems;
  });
}

/** A component's own transition and animation, as any future component might add them. */
const MOTION_PROBE = `
  @keyframes motion-probe { to { opacity: 0.5; } }
  a, button { transition: color 2s linear, background-color 2s linear; }
  h1 { animation: motion-probe 2s infinite alternate; }
`;

test.describe("prefers-reduced-motion: reduce", () => {
  test.use({ reducedMotion: "reduce" });

  for (const pageType of PAGE_TYPES) {
    test(`${pageType.name}: nothing moves for longer than 10 ms`, async ({ page }) => {
      await pageType.open(page);
      await page.getByRole("navigation", { name: "Topics" }).getByRole("link").first().hover();
      await page.keyboard.press("Tab");
      expect(await motionOver10ms(page)).toEqual([]);
    });
  }

  test("motion a component adds later is switched off too", async ({ page }) => {
    await page.goto("/");
    await page.addStyleTag({ content: MOTION_PROBE });
    await page.getByRole("button", { name: "Load more" }).hover();
    expect(await motionOver10ms(page)).toEqual([]);
  });
});

test("without the preference, the probe's motion does show (so the check above can fail)", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto("/");
  await page.addStyleTag({ content: MOTION_PROBE });
  expect(await motionOver10ms(page)).not.toEqual([]);
});

/** The first opaque background behind an element (its ancestors'), as computed. */
function backgroundBehind(element: Locator): Promise<string> {
  return element.evaluate((el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const background = getComputedStyle(e).backgroundColor;
      if (background !== "rgba(0, 0, 0, 0)" && background !== "transparent") return background;
    }
    return "rgb(255, 255, 255)";
  });
}

async function cssColor(element: Locator, property: string): Promise<string> {
  return element.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`1.4.11 non-text contrast, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test("control boundaries, states and focus outlines are at least 3:1", async ({ page }) => {
      const problems: string[] = [];
      const check = async (what: string, element: Locator, property: string, against?: string) => {
        const color = await cssColor(element, property);
        const behind = against ?? (await backgroundBehind(element));
        const ratio = contrastRatio(color, behind);
        if (ratio < 3)
          problems.push(`${what}: ${property} ${color} on ${behind} is ${ratio.toFixed(2)}:1`);
      };

      await page.goto(SEED_STORY);
      await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
      const sizes = page.getByRole("group", { name: "Text size" });
      await check(
        "unpressed text size button",
        sizes.getByRole("button", { pressed: false }).first(),
        "border-top-color",
      );
      await check(
        "pressed text size button",
        sizes.getByRole("button", { pressed: true }),
        "background-color",
      );
      await check(
        "topic chip",
        page.getByRole("main").getByRole("link", { name: "Iran", exact: true }),
        "border-top-color",
      );
      await check(
        "next story link",
        page.getByRole("link", { name: /^Next story/ }),
        "border-top-color",
      );

      await page.goto("/");
      await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
      await check("Load more", page.getByRole("button", { name: "Load more" }), "background-color");
      await check(
        "current topic marker",
        page
          .getByRole("navigation", { name: "Topics" })
          .getByRole("link", { name: "Breaking News" }),
        "border-bottom-color",
      );

      // Focus outlines where they are drawn: on the page and on the Breaking News banner.
      for (const [what, element] of [
        ["focused text size button", sizes.getByRole("button").first()],
        [
          "focused nav link",
          page.getByRole("navigation", { name: "Topics" }).getByRole("link").nth(1),
        ],
        [
          "focused banner link",
          page.getByRole("region", { name: "Breaking News" }).getByRole("link").first(),
        ],
        ["focused Load more", page.getByRole("button", { name: "Load more" })],
      ] as const) {
        await element.focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        await expect(element).toBeFocused();
        await check(what, element, "outline-color");
      }
      expect(problems).toEqual([]);
    });
  });
}

test.describe("forced colours (Windows High Contrast)", () => {
  test.use({ forcedColors: "active" });

  test("the chosen text size still stands out from the others", async ({ page }) => {
    await page.goto("/");
    const sizes = page.getByRole("group", { name: "Text size" });
    await expect(sizes.getByRole("button", { pressed: true })).toHaveAccessibleName(
      "MD medium, 3 of 4",
    );
    const pressed = await cssColor(
      sizes.getByRole("button", { pressed: true }),
      "background-color",
    );
    const canvas = await backgroundBehind(sizes);
    // The forced palette paints the buttons on the page colour; the chosen one must differ.
    expect(contrastRatio(pressed, canvas)).toBeGreaterThanOrEqual(3);
  });
});
