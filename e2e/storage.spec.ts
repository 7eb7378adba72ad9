import { readingFontSize, textSizeGroup } from "./page-types.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, type Page, test } from "./test";

/**
 * The text size is remembered in localStorage, which a reader's browser may refuse (private
 * mode, storage disabled, quota full) or which may hold anything. The page must work at the
 * default size and the control must still work for the visit.
 */

const STORAGE_KEY = "dispatch:text-size";

const sizeButton = (page: Page, name: string) =>
  textSizeGroup(page).getByRole("button", { name, exact: true });

/** Loads at MD, switches to LG and back, then to SM, and keeps SM while moving to another page. */
async function expectDefaultSizeAndWorkingControl(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Breaking News" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(10);
  await expect(sizeButton(page, "MD medium, 3 of 4")).toHaveAttribute("aria-pressed", "true");
  const atLoad = await readingFontSize(page);

  await sizeButton(page, "LG large, 4 of 4").click();
  await expect(sizeButton(page, "LG large, 4 of 4")).toHaveAttribute("aria-pressed", "true");
  await expect(sizeButton(page, "MD medium, 3 of 4")).toHaveAttribute("aria-pressed", "false");
  expect(await readingFontSize(page)).toBeGreaterThan(atLoad);

  await sizeButton(page, "MD medium, 3 of 4").click();
  expect(await readingFontSize(page)).toBe(atLoad);

  await sizeButton(page, "SM small, 2 of 4").click();
  expect(await readingFontSize(page)).toBeLessThan(atLoad);
  await page.getByRole("main").getByRole("article").first().getByRole("link").first().click();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeFocused();
  await expect(sizeButton(page, "SM small, 2 of 4")).toHaveAttribute("aria-pressed", "true");
}

const refusals: { name: string; refuse: () => void }[] = [
  {
    name: "storage is disabled: touching localStorage throws",
    refuse: () => {
      for (const name of ["localStorage", "sessionStorage"]) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        });
      }
    },
  },
  {
    name: "every Storage method throws",
    refuse: () => {
      for (const method of ["getItem", "setItem", "removeItem", "clear", "key"] as const) {
        Object.defineProperty(Storage.prototype, method, {
          configurable: true,
          value() {
            throw new DOMException("Access is denied for this document.", "SecurityError");
          },
        });
      }
    },
  },
  {
    name: "storage is full: setItem throws QuotaExceededError",
    refuse: () => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  },
  {
    name: "localStorage is null (some embedded browsers)",
    refuse: () => {
      Object.defineProperty(window, "localStorage", { configurable: true, value: null });
    },
  },
];

for (const { name, refuse } of refusals) {
  test(`${name}: the page works at MD and the control works for the visit`, async ({ page }) => {
    const problems = watchPageProblems(page);
    await page.addInitScript(refuse);
    await page.goto("/");
    await expectDefaultSizeAndWorkingControl(page);
    expect(problems).toEqual([]);
  });
}

const garbage: [name: string, value: string][] = [
  ["an unknown size", "huge"],
  ["an empty string", ""],
  ["a size in capitals", "LG"],
  ["a JSON-encoded size", '"lg"'],
  ["a size with more after it", "lg;xs"],
  ["markup", "<script>alert(1)</script>"],
  ["a prototype key", "__proto__"],
  ["a 100 000-character string", "x".repeat(100_000)],
];

// One page for every value: each is stored, the page reloaded on it, and a new choice made.
test("whatever the stored value, the page loads at MD and a new choice replaces it", async ({
  page,
}) => {
  test.setTimeout(garbage.length * 10_000);
  const problems = watchPageProblems(page);
  await page.goto("/");
  const atMedium = await readingFontSize(page);
  for (const [name, value] of garbage) {
    await test.step(`a stored value that is ${name}`, async () => {
      await page.evaluate(({ key, stored }) => localStorage.setItem(key, stored), {
        key: STORAGE_KEY,
        stored: value,
      });
      await page.reload();
      await expect(page.getByRole("main").getByRole("article")).toHaveCount(10);
      await expect(sizeButton(page, "MD medium, 3 of 4")).toHaveAttribute("aria-pressed", "true");
      expect(await readingFontSize(page)).toBe(atMedium);

      // Storage works here, so the new choice replaces the garbage and survives a reload.
      await sizeButton(page, "SM small, 2 of 4").click();
      expect(await readingFontSize(page)).toBeLessThan(atMedium);
      await page.reload();
      await expect(sizeButton(page, "SM small, 2 of 4")).toHaveAttribute("aria-pressed", "true");
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe("sm");
    });
  }
  expect(problems).toEqual([]);
});
