import { createHash } from "node:crypto";
import { siteUrlFromEnv } from "../scripts/syndication/site-url.ts";
import { HIGHLIGHTS_LIMIT } from "../src/content/api-types.ts";
import { PRERENDER_STATE_ID } from "../src/shared/prerender-contract.ts";
import {
  HOSTILE_ENTRIES,
  type HostileEntry,
  storyPageAltText,
  storyPageText,
} from "./fixtures/hostile-corpus.ts";
import { watchPageProblems } from "./support/page-problems";
import { expect, type Page, test } from "./test";

/**
 * Runs in the "hostile-content" project, against the app built from e2e/fixtures/hostile-data:
 * every text field of every story and topic is a markup or script payload. Once the app has
 * taken the page over (and again after client-side navigation) each must show as the literal
 * text the newsroom typed, and nothing may run: no dialog, no uncaught error, no element or
 * attribute the payloads could have created.
 */

/** The origin the build wrote into canonical and feed links (SITE_URL, or its default). */
const SITE_ORIGIN = siteUrlFromEnv(process.env);
/** Inline blocks the browser keeps as data and never runs: they need no CSP hash. */
const DATA_BLOCK_TYPES = new Set(["application/json", "application/ld+json"]);

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

/** What the server's Content Security Policy allows inline: script and style hashes. */
type InlineAllowance = { scripts: Set<string>; styles: Set<string> };

/** Opens a page and returns the inline scripts and styles its policy allows. */
async function open(page: Page, path: string): Promise<InlineAllowance> {
  const response = await page.goto(path);
  const policy = response?.headers()["content-security-policy"] ?? "";
  const hashes = (directive: string) =>
    new Set(policy.match(new RegExp(`${directive}[^;]*`))?.[0].match(/'sha256-[^']+'/g) ?? []);
  return { scripts: hashes("script-src"), styles: hashes("style-src") };
}

const sha256 = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * What the payloads would have created had any been parsed as markup: elements that run or
 * load things, event-handler attributes, javascript: URLs, images or links off the site. The
 * only scripts and styles are the app's own: bundles from /assets/, inline code the server's
 * policy lists by hash, and two data blocks, the dehydrated query state and a story's JSON-LD,
 * each still intact JSON (a payload that closed one early would leave it cut short). The only
 * links off the served origin are the canonical and feed links to the site's own address.
 */
async function expectNothingInjected(page: Page, allowed: InlineAllowance) {
  const found = await page.evaluate((siteOrigin) => {
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
    // The only forms are the app's search boxes (a GET to /search).
    const forbidden =
      'iframe, frame, object, embed, svg, math, base, form:not([role="search"][action="/search"]), meta[http-equiv]';
    for (const element of document.querySelectorAll(forbidden))
      problems.push(`injected element: ${snippet(element)}`);
    for (const img of document.querySelectorAll("img")) {
      if (!sameSite(img.src) || !new URL(img.src).pathname.startsWith("/images/"))
        problems.push(`foreign image: ${snippet(img)}`);
    }
    for (const link of document.querySelectorAll("a[href], area[href], link[href]")) {
      const href = link.getAttribute("href") ?? "";
      const siteLink =
        link.matches('link[rel="canonical"], link[rel="alternate"]') &&
        new URL(href, location.href).origin === siteOrigin;
      if (!sameSite(href) && !href.startsWith("#") && !siteLink)
        problems.push(`off-site link: ${snippet(link)}`);
    }
    for (const script of document.querySelectorAll("script[src]")) {
      const src = (script as HTMLScriptElement).src;
      if (!sameSite(src) || !new URL(src).pathname.startsWith("/assets/"))
        problems.push(`foreign script: ${snippet(script)}`);
    }
    const inlineScripts = [...document.querySelectorAll("script:not([src])")].map((script) => ({
      id: script.id,
      type: script.getAttribute("type") ?? "",
      text: script.textContent ?? "",
    }));
    const styles = [...document.querySelectorAll("style")].map((style) => style.textContent ?? "");
    return { problems, inlineScripts, styles };
  }, SITE_ORIGIN);

  const problems = [...found.problems];
  const dataBlocks = found.inlineScripts.filter((script) => DATA_BLOCK_TYPES.has(script.type));
  for (const block of dataBlocks) {
    const expectedId = block.type === "application/json" ? PRERENDER_STATE_ID : "";
    if (block.id !== expectedId) problems.push(`foreign data block #${block.id}`);
    try {
      JSON.parse(block.text);
    } catch {
      problems.push(`${block.type} block is not intact JSON: ${block.text.slice(0, 80)}`);
    }
  }
  if (dataBlocks.filter((block) => block.type === "application/ld+json").length > 1)
    problems.push("more than one JSON-LD block");
  for (const script of found.inlineScripts.filter((s) => !DATA_BLOCK_TYPES.has(s.type))) {
    if (!allowed.scripts.has(sha256(script.text)))
      problems.push(`inline script the policy does not allow: ${script.text.slice(0, 80)}`);
  }
  for (const style of found.styles) {
    if (!allowed.styles.has(sha256(style)))
      problems.push(`inline style the policy does not allow: ${style.slice(0, 80)}`);
  }
  expect(problems).toEqual([]);
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

test("the front page and Load more show every hostile headline, summary and topic as text", async ({
  page,
}) => {
  const allowed = await open(page, "/");
  const list = page.getByRole("list", { name: "Breaking News stories" });
  await expect(list.getByRole("article")).toHaveCount(10);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(list.getByRole("article")).toHaveCount(stories.length);
  await expectNothingInjected(page, allowed);

  const expected: Record<string, string> = {};
  for (const story of stories) {
    const card = list.getByRole("article").filter({
      has: page.getByRole("heading", { level: 2, name: story.headline, exact: true }),
    });
    await expect(card.getByRole("link", { name: story.headline, exact: true })).toHaveAttribute(
      "href",
      `/stories/${story.id}`,
    );
    // A card's thumbnail is decorative and carries no caption: the hostile alt text, caption
    // and credit are checked on each story page below.
    await expect(card.locator("img")).toHaveAttribute("alt", "");
    Object.assign(expected, {
      [`${story.id} headline`]: story.headline,
      [`${story.id} summary`]: story.summary,
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

  // The banner shows the newest three; the rest of the breaking stories are in the side column.
  const breaking = page
    .getByRole("region", { name: "Breaking News" })
    .or(page.getByRole("region", { name: "More breaking stories" }));
  const special = page.getByRole("region", { name: "Special Report" });
  // The banner and Special Report list the newest few; every headline is also on a card.
  const newestFirst = stories.toSorted(
    (a, b) =>
      Date.parse(String(b.publishedAt)) - Date.parse(String(a.publishedAt)) ||
      (a.id < b.id ? -1 : 1),
  );
  for (const story of newestFirst.slice(0, HIGHLIGHTS_LIMIT)) {
    await expect(breaking.getByRole("link", { name: story.headline, exact: true })).toBeVisible();
    await expect(special.getByRole("link", { name: story.headline, exact: true })).toBeVisible();
  }
});

test("every topic page is headed and titled by its hostile name, shown as text", async ({
  page,
}) => {
  const allowed = await open(page, "/");
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
    await expectNothingInjected(page, allowed);
  }
});

for (const entry of HOSTILE_ENTRIES) {
  test(`story page, ${entry.payload.name}: every field is literal text and nothing runs`, async ({
    page,
  }) => {
    const allowed = await open(page, `/stories/${entry.story.id}`);
    await expectStoryPage(page, entry, allowed);

    // Client-side navigation renders the same page again from the router, not a fresh load.
    const next = page.getByRole("link", { name: /^Next story/ });
    const previous = page.getByRole("link", { name: /^Previous story/ });
    const neighbour = (await next.count()) > 0 ? next : previous;
    await neighbour.click();
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await page.goBack();
    await expectStoryPage(page, entry, allowed);
  });
}

async function expectStoryPage(
  page: Page,
  { story, topic }: HostileEntry,
  allowed: InlineAllowance,
) {
  const article = page.getByRole("main").getByRole("article");
  await expect(
    article.getByRole("heading", { level: 1, name: story.headline, exact: true }),
  ).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.title)).toBe(`${story.headline} — Dispatch`);
  await expectNothingInjected(page, allowed);
  await expectLiteralText(page, storyPageText(story));
  await expectHeadTagsVerbatim(page, story);
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
  await expect(article.getByRole("link", { name: topic.name, exact: true })).toHaveAttribute(
    "href",
    `/topics/${topic.slug}`,
  );
}

/**
 * The link-preview tags and the JSON-LD carry the hostile text exactly as typed: escaped for
 * their attribute or script element, never cut short or turned into markup.
 */
async function expectHeadTagsVerbatim(page: Page, story: HostileEntry["story"]) {
  const head = page.locator("head");
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    story.headline,
  );
  await expect(head.locator('meta[property="og:description"]')).toHaveAttribute(
    "content",
    story.summary,
  );
  await expect(head.locator('meta[property="og:image:alt"]')).toHaveAttribute(
    "content",
    story.photo.alt,
  );
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "",
  ) as { headline: string; description: string; author: { name: string } };
  expect(jsonLd.headline).toBe(story.headline);
  expect(jsonLd.description).toBe(story.summary);
  expect(jsonLd.author.name).toBe((story.byline ?? "").replace(/^By\s+/, ""));
}

test("search results show the hostile stories' text as text, with only Pagefind's marks as elements", async ({
  page,
}) => {
  const allowed = await open(page, "/search?q=alert");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ stor(y|ies) for “alert”$/);
  const list = page.getByRole("list", { name: "Stories for “alert”" });
  await expect(list.getByRole("listitem").first()).toBeVisible();
  const headlines = await list.getByRole("heading", { level: 2 }).allTextContents();
  expect(
    headlines.filter((headline) => stories.some((story) => story.headline === headline)),
  ).not.toEqual([]);
  // Matches are marked; nothing else in an excerpt is an element.
  await expect(list.locator("mark").first()).toBeVisible();
  expect(await list.locator("article > p:first-of-type *:not(mark)").count()).toBe(0);
  const excerpts = (await list.locator("article > p:first-of-type").allTextContents()).join(" ");
  expect(excerpts).toContain("<script>alert(1)</script>");
  await expectNothingInjected(page, allowed);
});
