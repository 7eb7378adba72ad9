import { readFileSync } from "node:fs";
import { PERSIAN_STORY } from "./page-types.ts";
import { expect, type Locator, type Page, test } from "./test";

/**
 * 3.1.2 Language of parts, and right-to-left layout: a Persian story (and its card) is Persian
 * and reads right to left, the English page around it stays English and left to right, and
 * mixed-direction text keeps its reading order.
 */

const TEA_HEADLINE = "چای در فرهنگ ایرانی؛ از سماور تا استکان کمرباریک";
const main = (page: Page) => page.getByRole("main");

/** How far the first line of an element's text sits from its start and end edges, in px. */
function firstLineGaps(element: Locator) {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const line = range.getClientRects()[0];
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const contentLeft = box.left + Number.parseFloat(style.paddingLeft);
    const contentRight = box.right - Number.parseFloat(style.paddingRight);
    return { left: (line?.left ?? 0) - contentLeft, right: contentRight - (line?.right ?? 0) };
  });
}

/** The language an element is in: its own lang, or the nearest ancestor's. */
function languageOf(element: Locator): Promise<string | null> {
  return element.evaluate((el) => el.closest("[lang]")?.getAttribute("lang") ?? null);
}

async function expectPersianDate(time: Locator) {
  // Persian calendar and digits; the machine-readable value stays ISO 8601.
  await expect(time).toHaveText(/^[^0-9]*۱۴۰۳[^0-9]*$/);
  await expect(time).toContainText("شهریور");
  await expect(time).toHaveAttribute("datetime", "2024-08-26T17:20:00+03:30");
}

async function expectEnglishPageAround(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  for (const landmark of [
    page.getByRole("banner"),
    page.getByRole("navigation", { name: "Topics" }),
    // A story page keeps its breaking news in the side column, not in a banner above it.
    page.getByRole("region", { name: "More breaking stories" }),
    page.getByRole("region", { name: "Special Report" }),
    page.getByRole("contentinfo"),
    main(page),
  ]) {
    await expect(landmark).toHaveCSS("direction", "ltr");
  }
}

test("a Persian story is Persian and mirrored; the page around it stays English", async ({
  page,
}) => {
  await page.goto(PERSIAN_STORY);
  const article = main(page).getByRole("article");
  await expect(article).toHaveAttribute("lang", "fa");
  await expect(article).toHaveAttribute("dir", "rtl");
  await expectEnglishPageAround(page);

  // Mirrored: headline and paragraphs start at the right edge, list numbers and the quote
  // rule sit on the right, the caption reads right to left.
  const headline = article.getByRole("heading", { level: 1, name: TEA_HEADLINE });
  await expect(headline).toHaveCSS("direction", "rtl");
  const headlineGaps = await firstLineGaps(headline);
  expect(headlineGaps.right).toBeLessThanOrEqual(1);
  const paragraph = article.locator(".story-body > p").first();
  await expect(paragraph).toHaveCSS("direction", "rtl");
  expect((await firstLineGaps(paragraph)).right).toBeLessThanOrEqual(1);
  const list = article
    .getByRole("list")
    .filter({ has: page.getByRole("listitem") })
    .first();
  await expect(list).toHaveCSS("padding-left", "0px");
  await expect(list).not.toHaveCSS("padding-right", "0px");
  const quote = article.getByRole("blockquote");
  await expect(quote).toHaveCSS("border-right-width", "4px");
  await expect(quote).toHaveCSS("border-left-width", "0px");
  const caption = article.getByRole("figure").locator("figcaption");
  await expect(caption).toHaveAttribute("dir", "rtl");
  await expect(caption).toHaveAttribute("lang", "fa");
  // Read wholly in Persian: the hidden "Image caption, " and "Credit: " are Persian words
  // (as BBC Persian has them), not English ones in another voice.
  await expect(article.getByRole("figure")).toHaveAccessibleName(/^توضیح تصویر، \S/);
  await expect(caption).toContainText("منبع تصویر، ");
  await expect(caption.locator("[lang]")).toHaveCount(0);

  await expectPersianDate(article.locator("time").first());

  // The English words inside it are marked English.
  await expect(article.getByText("Sample story")).toHaveAttribute("lang", "en");
  await expect(article.getByText(/min read$/)).toHaveAttribute("lang", "en");
  expect(await languageOf(article.getByRole("link", { name: "Iran", exact: true }))).toBe("en");
});

test("its card in a feed is Persian and mirrored too, inside the English feed", async ({
  page,
}) => {
  await page.goto("/topics/iran");
  const card = page
    .getByRole("list", { name: "Iran stories" })
    .getByRole("article")
    .filter({ has: page.getByRole("link", { name: TEA_HEADLINE }) });
  await expect(card).toHaveAttribute("lang", "fa");
  await expect(card).toHaveAttribute("dir", "rtl");
  await expectEnglishPageAround(page);
  await expect(main(page).getByRole("heading", { level: 1, name: "Iran" })).toHaveCSS(
    "direction",
    "ltr",
  );

  const headline = card.getByRole("heading", { level: 2 });
  expect((await firstLineGaps(headline)).right).toBeLessThanOrEqual(1);
  // Mirrored, its thumbnail sits at the left.
  const [cardBox, thumbnailBox] = await Promise.all([
    card.boundingBox(),
    card.locator("img").boundingBox(),
  ]);
  if (!cardBox || !thumbnailBox) throw new Error("card not laid out");
  expect(thumbnailBox.x - cardBox.x).toBeLessThanOrEqual(1);
  await expectPersianDate(card.locator("time"));
  // The topic name and the sample label are the site's English words.
  await expect(card.getByText("Iran", { exact: true })).toHaveAttribute("lang", "en");
  await expect(card.getByText("Sample story")).toHaveAttribute("lang", "en");

  // The side column's lists name each item's language too. None of data/'s breaking or special
  // stories is Persian (a Persian item there is special-reports.test.tsx's), so every item
  // here is English: counted, so that a list the page no longer shows cannot pass unread.
  for (const region of ["Breaking News", "Special Report"]) {
    const items = page.getByRole("region", { name: region }).getByRole("listitem");
    expect(await items.count(), region).toBeGreaterThan(0);
    for (const item of await items.all()) {
      await expect(item).not.toContainText(/\p{Script=Arabic}/u);
      await expect(item).toHaveAttribute("lang", "en");
    }
  }
});

test("mixed-direction text keeps its reading order", async ({ page }) => {
  await page.goto("/stories/persian-language-and-script-primer");
  // An English sentence that opens with a Persian letter stays an English, left-to-right
  // sentence: the letter first at the left, then "(pe), for the sound p".
  const item = main(page).getByRole("listitem").filter({ hasText: "(pe), for the sound p" });
  await expect(item).toHaveCSS("direction", "ltr");
  const order = await item.evaluate((li) => {
    const text = li.firstChild as Text;
    const at = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, end);
      return range.getBoundingClientRect().left;
    };
    const forAt = text.data.indexOf("for");
    return { letter: at(0, 1), words: at(forAt, forAt + 3) };
  });
  expect(order.letter).toBeLessThan(order.words);

  // Every paragraph of a Persian story's file is on its page, reading right to left.
  await page.goto(PERSIAN_STORY);
  const texts = paragraphTexts(PERSIAN_STORY);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    const paragraph = main(page).getByRole("paragraph").filter({ hasText: text });
    await expect(paragraph).toHaveCount(1);
    await expect(paragraph).toHaveCSS("direction", "rtl");
  }
});

/** The paragraphs of a story's file in data/. */
function paragraphTexts(storyPath: string): string[] {
  const file = `data/stories/${storyPath.split("/").pop()}.json`;
  const story = JSON.parse(readFileSync(file, "utf8")) as {
    body: { type: string; text?: string }[];
  };
  return story.body.flatMap((block) =>
    block.type === "paragraph" && block.text ? [block.text] : [],
  );
}

/** Text runs whose script does not match the language they are marked with. */
function mislabelledText(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      // Script and style contents (the page's embedded data, its code) are never read aloud.
      if (node.parentElement?.closest("script, style")) continue;
      const lang = node.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "";
      const text = node.data.trim();
      if (/\p{Script=Arabic}/u.test(text) && !lang.startsWith("fa")) {
        problems.push(`Persian "${text.slice(0, 30)}" marked lang="${lang}"`);
      }
      if (/\p{Script=Latin}{2,}/u.test(text) && !/\p{Script=Arabic}/u.test(text)) {
        if (!lang.startsWith("en"))
          problems.push(`English "${text.slice(0, 30)}" marked lang="${lang}"`);
      }
    }
    return problems;
  });
}

test("every run of text is marked with its own language, screen-reader-only text included", async ({
  page,
}) => {
  await page.goto(PERSIAN_STORY);
  await expect(main(page).getByRole("heading", { level: 1 })).toBeVisible();
  expect(await mislabelledText(page)).toEqual([]);
  await page.goto("/topics/iran");
  await expect(main(page).getByRole("heading", { level: 1 })).toBeVisible();
  expect(await mislabelledText(page)).toEqual([]);
});
