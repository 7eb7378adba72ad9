import { chooseTextSize, PAGE_TYPES, TEXT_SIZES } from "./page-types.ts";
import { expect, test } from "./test";

/**
 * 2.5.8 Target Size (Minimum): every link and button measures at least 24 x 24 CSS px. The
 * size is the element's bounding box, read for all targets in one round trip per text size
 * (one boundingBox() call per target made this spec three times slower); the smallest target
 * of each combination is measured again with Playwright's boundingBox() to show the two agree.
 * Each page type is opened once and measured at both widths.
 *
 * The one exemption applied is the criterion's "Inline" one: a link that is laid out inline
 * inside a sentence of running text (its block holds other words besides the link), whose
 * height is set by the line height of the text around it. A link that is the whole content of
 * its block (a headline, a list item, a chip) is not in a sentence and is measured. The
 * "Spacing" exemption is deliberately not used: every target here is held to 24 x 24 itself.
 */

const MIN = 24;

for (const pageType of PAGE_TYPES) {
  test(`${pageType.name} at 320 and 1280 px: every target is at least 24 x 24 in every text size`, async ({
    page,
  }) => {
    // The time of the two tests (one per width) this one replaces.
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 320, height: 800 });
    await pageType.open(page);
    const targets = page.getByRole("link").or(page.getByRole("button"));
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const size of TEXT_SIZES) {
        await chooseTextSize(page, size.label);
        const measured = await targets.evaluateAll((elements) =>
          elements.map((element) => {
            // Exempt when laid out inline and its block holds other words: in a sentence.
            let inSentence = false;
            if (getComputedStyle(element).display === "inline") {
              let block = element.parentElement;
              while (block && getComputedStyle(block).display.startsWith("inline")) {
                block = block.parentElement;
              }
              const around = (block?.textContent ?? "").replace(element.textContent ?? "", "");
              inSentence = /\p{L}/u.test(around);
            }
            const { width, height } = element.getBoundingClientRect();
            return {
              name: (element.textContent ?? "").trim().slice(0, 50),
              inSentence,
              width,
              height,
            };
          }),
        );
        expect(measured.length, "targets found").toBeGreaterThan(10);
        for (const target of measured.filter((t) => t.inSentence)) {
          test.info().annotations.push({
            type: "2.5.8 inline exemption",
            description: `${width}px ${size.label}: ${target.name}`,
          });
        }
        const tooSmall = measured
          .filter((t) => !t.inSentence && (t.width < MIN || t.height < MIN))
          .map((t) => `"${t.name}" is ${t.width.toFixed(1)} x ${t.height.toFixed(1)}`);
        expect(tooSmall, `targets under 24 x 24 at ${width}px ${size.label}`).toEqual([]);

        const smallest = measured.reduce(
          (best, t, i) =>
            Math.min(t.width, t.height) < best.side
              ? { i, side: Math.min(t.width, t.height) }
              : best,
          { i: 0, side: Number.POSITIVE_INFINITY },
        );
        const box = await targets.nth(smallest.i).boundingBox();
        expect(box?.width).toBeCloseTo(measured[smallest.i]?.width ?? 0, 1);
        expect(box?.height).toBeCloseTo(measured[smallest.i]?.height ?? 0, 1);
      }
    }
  });
}
