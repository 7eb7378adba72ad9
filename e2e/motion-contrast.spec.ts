import { contrastRatio, motionOver10ms } from "./layout-checks.ts";
import { SEED_STORY } from "./page-types.ts";
import { expect, type Locator, test } from "./test";

// These tests inject a probe or user stylesheet, as a reader's extension would; extensions are
// not bound by the page's Content Security Policy, so the test browser is not either.
test.use({ bypassCSP: true });

/**
 * Motion (2.3.3 / prefers-reduced-motion) and non-text contrast (1.4.11). Every page type with
 * reduced motion asked for, and text contrast (axe's color-contrast rule, both themes), are
 * steps of e2e/a11y-sweep.spec.ts; this spec holds what the sweep does not: motion a component adds
 * later, the probe that shows the check can fail, the contrast of control boundaries and
 * states, and forced colours.
 */

/** A component's own transition and animation, as any future component might add them. */
const MOTION_PROBE = `
  @keyframes motion-probe { to { opacity: 0.5; } }
  a, button { transition: color 2s linear, background-color 2s linear; }
  h1 { animation: motion-probe 2s infinite alternate; }
`;

test("motion a component adds later shows without the preference, and is switched off with it", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto("/");
  await page.addStyleTag({ content: MOTION_PROBE });
  // The probe's motion shows, so the check below can fail.
  expect(await motionOver10ms(page)).not.toEqual([]);
  // prefers-reduced-motion is a media feature: switching it restyles the open page.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.getByRole("button", { name: "Load more" }).hover();
  expect(await motionOver10ms(page)).toEqual([]);
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

const SCHEMES = ["light", "dark"] as const;

/**
 * Both colour schemes on one page load each: the scheme is a media feature, so switching it
 * restyles the open page.
 */
test("1.4.11 non-text contrast, light and dark: control boundaries, states and focus outlines are at least 3:1", async ({
  page,
}) => {
  const problems: string[] = [];
  let scheme: (typeof SCHEMES)[number] = "light";
  const check = async (what: string, element: Locator, property: string, against?: string) => {
    const color = await cssColor(element, property);
    const behind = against ?? (await backgroundBehind(element));
    const ratio = contrastRatio(color, behind);
    if (ratio < 3)
      problems.push(
        `${scheme}, ${what}: ${property} ${color} on ${behind} is ${ratio.toFixed(2)}:1`,
      );
  };

  await page.goto(SEED_STORY);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
  const sizes = page.getByRole("group", { name: "Text size" });
  for (scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
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
  }

  await page.goto("/");
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
  for (scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await check("Load more", page.getByRole("button", { name: "Load more" }), "background-color");
    await check(
      "current topic marker",
      page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: "Breaking News" }),
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
  }
  expect(problems).toEqual([]);
});

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
