import { expect, type Page, test } from "./test";

const SIZES = [
  { label: "XS", name: "XS extra small" },
  { label: "SM", name: "SM small" },
  { label: "MD", name: "MD medium" },
  { label: "LG", name: "LG large" },
] as const;

const control = (page: Page) => page.getByRole("group", { name: "Text size" });

async function readingFontSize(page: Page): Promise<number> {
  const paragraph = page.getByRole("main").locator("article p").first();
  return paragraph.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
}

test("the control offers XS, SM, MD and LG with spoken names, MD chosen by default", async ({
  page,
}) => {
  await page.goto("/");
  for (const size of SIZES) {
    const button = control(page).getByRole("button", { name: size.name, exact: true });
    await expect(button).toHaveText(new RegExp(`^${size.label}`));
    await expect(button).toHaveAttribute("aria-pressed", size.label === "MD" ? "true" : "false");
  }
});

test("each size is strictly larger than the one before, LG at least 1.25x MD", async ({ page }) => {
  await page.goto("/");
  const sizes: number[] = [];
  for (const size of SIZES) {
    await control(page).getByRole("button", { name: size.name }).click();
    await expect(control(page).getByRole("button", { name: size.name })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
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
  await control(page).getByRole("button", { name: "LG large" }).click();
  const lgSize = await readingFontSize(page);
  expect(lgSize).toBeGreaterThan(mdSize);

  await page.reload();
  await expect(control(page).getByRole("button", { name: "LG large" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(await readingFontSize(page)).toBe(lgSize);

  await page.getByRole("main").getByRole("article").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(control(page).getByRole("button", { name: "LG large" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // A fresh tab with every script file blocked: only the inline head script can size the
  // prerendered text, so this is what the reader sees at first paint.
  const raw = await page.context().newPage();
  await raw.route("**/*.js", (route) => route.abort());
  await raw.goto("/", { waitUntil: "load" });
  await expect(raw.locator("html")).not.toHaveAttribute("data-hydrated");
  expect(await raw.locator("html").getAttribute("data-text-size")).toBe("lg");
  expect(await readingFontSize(raw)).toBe(lgSize);
});

test.describe("no sideways scrolling at 320 px in any size", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const size of SIZES) {
    test(size.label, async ({ page }) => {
      await page.goto("/");
      await control(page).getByRole("button", { name: size.name }).click();
      for (const path of ["/", "/topics/iran"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${size.label}`).toBeLessThanOrEqual(0);
      }
      await page.getByRole("main").getByRole("article").first().getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `story at ${size.label}`).toBeLessThanOrEqual(0);
    });
  }
});
