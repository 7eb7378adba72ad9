import { XMLBuilder } from "fast-xml-parser";
import { BREAKING_FEED } from "../../src/content/api-types.ts";
import { feedPagePath } from "../../src/shared/feed-paths.ts";
import { litePath } from "../../src/shared/lite-paths.ts";
import { absoluteUrl, SITE_NAME } from "../../src/shared/site-url.ts";
import type { Content, StoryCard } from "../content/load-content.ts";
import { xmlSafe } from "./xml-text.ts";

/**
 * sitemap.xml (every page with its last change), split into files of at most 50,000 URLs
 * under a sitemap index when the archive is larger (the sitemaps.org limit), a Google News
 * sitemap of the latest 48 hours of stories, and robots.txt naming both. Written with an XML
 * builder that escapes every value.
 */

export const SITEMAP_MAX_URLS = 50_000;
/** Google News reads at most 1,000 stories from a news sitemap, from the last two days. */
export const NEWS_WINDOW_HOURS = 48;
const NEWS_MAX_URLS = 1_000;

export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
const sitemapPartPath = (part: number) => `/sitemaps/sitemap-${part}.xml`;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

export type SitemapUrl = { loc: string; lastmod?: string };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
});

const declaration = { "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" } };

function urlset(urls: readonly SitemapUrl[]): string {
  return builder.build({ ...declaration, urlset: { "@_xmlns": SITEMAP_NS, url: urls } });
}

const lastChange = (story: StoryCard) => story.updatedAt ?? story.publishedAt;

/** The later of two ISO instants (offsets may differ, so compare as instants). */
function later(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * The front page, every topic and every story, each followed by its lite version (the lite
 * archive pages, like the feeds' archive, are not listed), each with the date of its latest change.
 */
export function sitemapUrls(content: Content, siteUrl: string): SitemapUrl[] {
  let newest: string | undefined;
  const topicChanged = new Map<string, string | undefined>(
    content.topics.map((topic) => [topic.slug, undefined]),
  );
  const stories: SitemapUrl[] = content.cards.flatMap((story) => {
    const changed = lastChange(story);
    newest = later(newest, changed);
    for (const slug of story.topics)
      if (topicChanged.has(slug)) topicChanged.set(slug, later(topicChanged.get(slug), changed));
    return [
      { loc: absoluteUrl(siteUrl, `/stories/${story.id}`), lastmod: changed },
      { loc: absoluteUrl(siteUrl, litePath.story(story.id)), lastmod: changed },
    ];
  });
  const page = (path: string, lastmod: string | undefined): SitemapUrl =>
    lastmod === undefined
      ? { loc: absoluteUrl(siteUrl, path) }
      : { loc: absoluteUrl(siteUrl, path), lastmod };
  return [
    page(feedPagePath(BREAKING_FEED), newest),
    page(litePath.feed(BREAKING_FEED), newest),
    ...content.topics.flatMap((topic) => [
      page(feedPagePath(topic.slug), topicChanged.get(topic.slug)),
      page(litePath.feed(topic.slug), topicChanged.get(topic.slug)),
    ]),
    ...stories,
  ];
}

/**
 * One sitemap.xml while the URLs fit in one file; past that, sitemap.xml is an index of
 * /sitemaps/sitemap-<n>.xml files of at most `maxUrls` each, so its address never changes.
 */
export function sitemapFiles(
  urls: readonly SitemapUrl[],
  siteUrl: string,
  maxUrls = SITEMAP_MAX_URLS,
): Map<string, string> {
  const files = new Map<string, string>();
  if (urls.length <= maxUrls) {
    files.set(SITEMAP_PATH, urlset(urls));
    return files;
  }
  const entries: SitemapUrl[] = [];
  for (let start = 0, part = 1; start < urls.length; start += maxUrls, part++) {
    const chunk = urls.slice(start, start + maxUrls);
    files.set(sitemapPartPath(part), urlset(chunk));
    let lastmod: string | undefined;
    for (const url of chunk) if (url.lastmod) lastmod = later(lastmod, url.lastmod);
    const loc = absoluteUrl(siteUrl, sitemapPartPath(part));
    entries.push(lastmod ? { loc, lastmod } : { loc });
  }
  files.set(
    SITEMAP_PATH,
    builder.build({ ...declaration, sitemapindex: { "@_xmlns": SITEMAP_NS, sitemap: entries } }),
  );
  return files;
}

/** Google News names languages by ISO 639 code, except Chinese, which it splits by script. */
function newsLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  if (lower === "zh-tw" || lower === "zh-hant") return "zh-tw";
  if (lower.startsWith("zh")) return "zh-cn";
  return lower.split("-")[0] ?? lower;
}

/**
 * The stories published in the 48 hours up to the newest story. The window ends at the newest
 * story, not at the build's clock, so a build is reproducible (the same content gives the same
 * files) and a site rebuilt on every publication lists exactly its latest two days.
 */
export function newsSitemap(content: Content, siteUrl: string): string {
  const newest = content.cards.reduce(
    (max, story) => Math.max(max, Date.parse(story.publishedAt)),
    Number.NEGATIVE_INFINITY,
  );
  const since = newest - NEWS_WINDOW_HOURS * 3_600_000;
  const recent = content.cards
    .filter((story) => Date.parse(story.publishedAt) >= since)
    .slice(0, NEWS_MAX_URLS);
  return builder.build({
    ...declaration,
    urlset: {
      "@_xmlns": SITEMAP_NS,
      "@_xmlns:news": NEWS_NS,
      url: recent.map((story) => ({
        loc: absoluteUrl(siteUrl, `/stories/${story.id}`),
        "news:news": {
          "news:publication": {
            "news:name": SITE_NAME,
            "news:language": newsLanguage(story.lang ?? "en"),
          },
          "news:publication_date": story.publishedAt,
          "news:title": xmlSafe(story.headline),
        },
      })),
    },
  });
}

export function robotsTxt(siteUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${absoluteUrl(siteUrl, SITEMAP_PATH)}`,
    `Sitemap: ${absoluteUrl(siteUrl, NEWS_SITEMAP_PATH)}`,
    "",
  ].join("\n");
}
