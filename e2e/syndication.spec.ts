import { siteUrlFromEnv } from "../scripts/syndication/site-url.ts";
import { SEED_STORY } from "./page-types.ts";
import { expect, type Page, test } from "./test";

/**
 * What search engines, feed readers and link previews read from a page's head: canonical
 * address, feed links, Open Graph, Twitter card and NewsArticle JSON-LD. The story is opened
 * with a query string, so the app renders it fresh over the prerendered HTML: every tag must
 * then be there once, not once from the HTML and again from React.
 */

const SITE = siteUrlFromEnv(process.env);

const content = (page: Page, selector: string) =>
  page.locator(`head ${selector}`).getAttribute("content");

test("a story page's head carries its canonical link, feeds, preview tags and JSON-LD, once each", async ({
  page,
  request,
}) => {
  const html = await (await request.get(SEED_STORY)).text();
  expect(html).toContain(`<link rel="canonical" href="${SITE}${SEED_STORY}"/>`);

  await page.goto(`${SEED_STORY}?utm_source=feed`);
  const head = page.locator("head");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${SITE}${SEED_STORY}`,
  );
  // The three feeds, and the story's lite page (e2e/lite.spec.ts).
  await expect(head.locator('link[rel="alternate"][type]')).toHaveCount(3);
  await expect(head.locator('link[rel="alternate"]:not([type])')).toHaveAttribute(
    "href",
    `/lite${SEED_STORY}`,
  );
  await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    `${SITE}/feeds/breaking-news/rss.xml`,
  );
  const headline = "Iran's president commits to deeper ties with Russia as Shoigu visits Tehran";
  expect(await content(page, 'meta[property="og:type"]')).toBe("article");
  expect(await content(page, 'meta[property="og:title"]')).toBe(headline);
  expect(await content(page, 'meta[property="og:image"]')).toBe(
    `${SITE}/images/seed-skyline-dusk-1280.jpg`,
  );
  expect(await content(page, 'meta[property="og:image:width"]')).toBe("1280");
  expect(await content(page, 'meta[property="og:image:height"]')).toBe("720");
  expect(await content(page, 'meta[property="article:published_time"]')).toBe(
    "2024-09-17T15:10:00Z",
  );
  expect(await content(page, 'meta[property="article:section"]')).toBe("Iran");
  expect(await content(page, 'meta[name="twitter:card"]')).toBe("summary_large_image");
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "",
  ) as Record<string, unknown>;
  expect(jsonLd).toMatchObject({
    "@type": "NewsArticle",
    headline,
    datePublished: "2024-09-17T15:10:00Z",
    inLanguage: "en",
    author: { "@type": "Organization", name: "VOA News" },
  });

  // Client navigation to a topic swaps every tag for the topic's own; the JSON-LD goes.
  await page
    .getByRole("main")
    .getByRole("article")
    .getByRole("link", { name: "Iran", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Iran", exact: true })).toBeVisible();
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${SITE}/topics/iran`,
  );
  await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    `${SITE}/feeds/iran/atom.xml`,
  );
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "website");
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
});
