import { expect, type Page, test } from "@playwright/test";
import { APPLY_TEXT_SIZE_SCRIPT } from "../src/features/reading-size/text-size.ts";
import {
  HOSTILE_ENTRIES,
  type HostileStory,
  storyPageAltText,
  storyPageText,
} from "./fixtures/hostile-corpus.ts";
import { HOSTILE_PAYLOADS } from "./fixtures/hostile-payloads.ts";
import { watchPageProblems } from "./support/page-problems";

/**
 * Runs in the "hostile-content" project, against the app built from e2e/fixtures/hostile-data:
 * every text field of every story and topic is a markup or script payload. After client
 * rendering each one must show as the literal text the newsroom typed, and nothing may run:
 * no dialog, no uncaught error, no element or attribute the payloads could have created.
 */

const stories = HOSTILE_ENTRIES.map((entry) => entry.story);
const topics = HOSTILE_ENTRIES.map((entry) => entry.topic);

/** Every text node's exact value, including the document title, whitespace untouched. */
function textNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    const values: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      values.push((node as Text).data);
    return values;
  });
}

function altTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("img")].map((img) => img.getAttribute("alt") ?? ""),
  );
}

/**
 * What the payloads would have created had any been parsed as markup: elements that run or
 * load things, event-handler attributes, javascript: URLs, images or links off the site, and
 * scripts other than the app's own (the inline text-size script and the bundles in /assets/).
 */
async function expectNothingInjected(page: Page) {
  const found = await page.evaluate((appInlineScript) => {
    const problems: string[] = [];
    const snippet = (element: Element) => element.outerHTML.slice(0, 120);
    const sameSite = (url: string) => new URL(url, location.href).origin === location.origin;
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`handler attribute: ${snippet(element)}`);
        // URL parsers ignore control characters and spaces, so "java\tscript:" counts too.
        const compact = [...attribute.value].filter((char) => char > " ").join("");
        if (/^javascript:/i.test(compact)) problems.push(`javascript: URL: ${snippet(element)}`);
      }
    }
    const forbidden =
      "iframe, frame, object, embed, svg, math, style, base, form, meta[http-equiv]";
    for (const element of document.querySelectorAll(forbidden))
      problems.push(`injected element: ${snippet(element)}`);
    for (const script of document.querySelectorAll("script")) {
      const bundle = script.src && new URL(script.src).pathname.startsWith("/assets/");
      const inline = !script.src && script.textContent === appInlineScript;
      if (!bundle && !inline) problems.push(`foreign script: ${snippet(script)}`);
    }
    for (const img of document.querySelectorAll("img")) {
      if (!sameSite(img.src) || !new URL(img.src).pathname.startsWith("/images/"))
        problems.push(`foreign image: ${snippet(img)}`);
    }
    for (const link of document.querySelectorAll("a[href], area[href], link[href]")) {
      const href = link.getAttribute("href") ?? "";
      if (!sameSite(href) && !href.startsWith("#"))
        problems.push(`off-site link: ${snippet(link)}`);
    }
    return problems;
  }, APPLY_TEXT_SIZE_SCRIPT);
  expect(found).toEqual([]);
}

/** Every hostile text expected on the page appears verbatim as one text node. */
async function expectLiteralText(page: Page, expected: Record<string, string>) {
  const nodes = new Set(await textNodes(page));
  const missing = Object.entries(expected).filter(([, text]) => !nodes.has(text));
  expect(missing, "hostile text not shown verbatim").toEqual([]);
}

let problems: string[] = [];
test.beforeEach(({ page }) => {
  problems = watchPageProblems(page);
});
test.afterEach(() => {
  // Dialogs (alert(1) from any payload), uncaught errors, console errors.
  expect(problems).toEqual([]);
});

test("the corpus has every payload", () => {
  expect(stories).toHaveLength(HOSTILE_PAYLOADS.length);
});

test("the front page and Load more show every hostile headline, summary, caption and topic as text", async ({
  page,
}) => {
  await page.goto("/");
  const list = page.getByRole("list", { name: "Breaking News stories" });
  await expect(list.getByRole("article")).toHaveCount(10);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(list.getByRole("article")).toHaveCount(stories.length);
  await expectNothingInjected(page);

  const expected: Record<string, string> = {};
  for (const story of stories) {
    const card = list.getByRole("article").filter({
      has: page.getByRole("heading", { level: 2, name: story.headline, exact: true }),
    });
    await expect(card.getByRole("link", { name: story.headline, exact: true })).toHaveAttribute(
      "href",
      `/stories/${story.id}`,
    );
    await expect(card.getByRole("img")).toHaveAttribute("alt", story.photo.alt);
    Object.assign(expected, {
      [`${story.id} headline`]: story.headline,
      [`${story.id} summary`]: story.summary,
      [`${story.id} caption`]: story.photo.caption ?? "",
      [`${story.id} credit`]: story.photo.credit ?? "",
    });
  }
  for (const topic of topics) {
    await expect(
      page.getByRole("navigation", { name: "Topics" }).getByRole("link", {
        name: topic.name,
        exact: true,
      }),
    ).toHaveAttribute("href", `/topics/${topic.slug}`);
    expected[`${topic.slug} name`] = topic.name;
  }
  await expectLiteralText(page, expected);

  const banner = page.getByRole("region", { name: "Breaking News" });
  const special = page.getByRole("region", { name: "Special Report" });
  for (const story of stories) {
    await expect(banner.getByRole("link", { name: story.headline, exact: true })).toBeVisible();
    await expect(special.getByRole("link", { name: story.headline, exact: true })).toBeVisible();
  }
  expect(await altTexts(page)).toEqual(expect.arrayContaining(stories.map((s) => s.photo.alt)));
});

test("every topic page is headed and titled by its hostile name, shown as text", async ({
  page,
}) => {
  await page.goto("/");
  for (const topic of topics) {
    await page
      .getByRole("navigation", { name: "Topics" })
      .getByRole("link", { name: topic.name, exact: true })
      .click();
    await expect(
      page.getByRole("heading", { level: 1, name: topic.name, exact: true }),
    ).toBeFocused();
    await expect.poll(() => page.evaluate(() => document.title)).toBe(`${topic.name} — Dispatch`);
    await expectLiteralText(page, { [topic.slug]: topic.name });
    await expectNothingInjected(page);
  }
});

for (const { payload, story } of HOSTILE_ENTRIES) {
  test(`story page, ${payload.name}: every field is literal text and nothing runs`, async ({
    page,
  }) => {
    await page.goto(`/stories/${story.id}`);
    await expectStoryPage(page, story);

    // Client-side navigation renders the same page again from the router, not a fresh load.
    const next = page.getByRole("link", { name: /^Next story/ });
    const previous = page.getByRole("link", { name: /^Previous story/ });
    const neighbour = (await next.count()) > 0 ? next : previous;
    await neighbour.click();
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await page.goBack();
    await expectStoryPage(page, story);
  });
}

async function expectStoryPage(page: Page, story: HostileStory) {
  const article = page.getByRole("main").getByRole("article");
  await expect(
    article.getByRole("heading", { level: 1, name: story.headline, exact: true }),
  ).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.title)).toBe(`${story.headline} — Dispatch`);
  await expectNothingInjected(page);
  await expectLiteralText(page, storyPageText(story));
  expect(await altTexts(page)).toEqual(expect.arrayContaining(storyPageAltText(story)));

  for (const block of story.body) {
    if (block.type === "heading") {
      await expect(
        article.getByRole("heading", { level: 2, name: block.text, exact: true }),
      ).toBeVisible();
    }
    if (block.type === "list") {
      const list = article.getByRole("list").filter({ hasText: block.items[0] ?? "" });
      await expect(list.getByRole("listitem")).toHaveCount(block.items.length);
    }
  }
  for (const alt of storyPageAltText(story)) {
    await expect(article.getByRole("img", { name: alt, exact: true })).toBeVisible();
  }
  const topic = HOSTILE_ENTRIES.find((entry) => entry.story === story)?.topic;
  await expect(article.getByRole("link", { name: topic?.name ?? "", exact: true })).toHaveAttribute(
    "href",
    `/topics/${topic?.slug}`,
  );
}
