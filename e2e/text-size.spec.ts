import { chooseTextSize, readingFontSize, TEXT_SIZES, textSizeGroup } from "./page-types.ts";
import { expect, test } from "./test";

// No sideways scrolling at 320 px in any size: reflow.spec.ts checks it on every page type.

test("the control offers XS, SM, MD and LG with spoken names, MD chosen by default", async ({
  page,
}) => {
  await page.goto("/");
  // Written out here, not read from the app: a size dropped or renamed there must fail.
  expect(TEXT_SIZES.map((size) => size.name)).toEqual([
    "XS extra small, 1 of 4",
    "SM small, 2 of 4",
    "MD medium, 3 of 4",
    "LG large, 4 of 4",
  ]);
  for (const size of TEXT_SIZES) {
    const button = textSizeGroup(page).getByRole("button", { name: size.name, exact: true });
    await expect(button).toHaveText(new RegExp(`^${size.label}`));
    await expect(button).toHaveAttribute("aria-pressed", size.label === "MD" ? "true" : "false");
  }
});

test("each size is strictly larger than the one before, LG at least 1.25x MD", async ({ page }) => {
  await page.goto("/");
  const sizes: number[] = [];
  for (const size of TEXT_SIZES) {
    await chooseTextSize(page, size.label);
    sizes.push(await readingFontSize(page));
  }
  const [xs = 0, sm = 0, md = 0, lg = 0] = sizes;
  expect(xs).toBeLessThan(sm);
  expect(sm).toBeLessThan(md);
  expect(md).toBeLessThan(lg);
  expect(lg / md).toBeGreaterThanOrEqual(1.25);
});

test("LG survives a reload and a move to another page, and applies before any script runs", async ({
  page,
}) => {
  await page.goto("/");
  const mdSize = await readingFontSize(page);
  await chooseTextSize(page, "LG");
  const lgSize = await readingFontSize(page);
  expect(lgSize).toBeGreaterThan(mdSize);

  await page.reload();
  await expect(
    textSizeGroup(page).getByRole("button", { name: "LG large, 4 of 4" }),
  ).toHaveAttribute("aria-pressed", "true");
  expect(await readingFontSize(page)).toBe(lgSize);

  await page.getByRole("main").getByRole("article").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(
    textSizeGroup(page).getByRole("button", { name: "LG large, 4 of 4" }),
  ).toHaveAttribute("aria-pressed", "true");

  // A fresh tab with every script file blocked: only the inline head script can size the
  // prerendered text, so this is what the reader sees at first paint.
  const raw = await page.context().newPage();
  await raw.route("**/*.js", (route) => route.abort());
  await raw.goto("/", { waitUntil: "load" });
  await expect(raw.locator("html")).not.toHaveAttribute("data-hydrated");
  expect(await raw.locator("html").getAttribute("data-text-size")).toBe("lg");
  expect(await readingFontSize(raw)).toBe(lgSize);
});
