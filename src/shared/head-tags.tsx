import { BREAKING_FEED } from "@/content/api-types";
import type { Story, Topic } from "@/content/schema";
import { FEED_FORMATS, feedPagePath, feedPath } from "@/shared/feed-paths";
import { newsArticle } from "@/shared/news-article";
import { scriptSafeJson } from "@/shared/script-safe-json";
import { shareImage } from "@/shared/share-image";
import { absoluteUrl, DEFAULT_SITE_URL, ogLocale, SITE_NAME } from "@/shared/site-url";

/**
 * What a page tells search engines, feed readers and link previews: canonical address, feed
 * links, Open Graph, Twitter card and (on stories) NewsArticle JSON-LD. React 19 hoists the
 * <link> and <meta> elements into <head> wherever they are rendered; the prerender step moves
 * them there in the static HTML (page-template.ts), and main.tsx drops the prerendered ones
 * before a fresh client render (PAGE_HEAD_SELECTOR).
 */

declare global {
  interface ImportMetaEnv {
    /** The site's origin, set by vite.config.ts from SITE_URL at build time. */
    readonly SITE_URL?: string;
  }
}

const SITE_URL = import.meta.env.SITE_URL ?? DEFAULT_SITE_URL;

function FeedLinks({ feed, title }: { feed: string; title: string }) {
  return FEED_FORMATS.map(({ format, type, label }) => (
    <link
      key={format}
      rel="alternate"
      type={type}
      title={`${title} — ${SITE_NAME} (${label})`}
      href={absoluteUrl(SITE_URL, feedPath(feed, format))}
    />
  ));
}

/** The front page (Breaking News) and each topic page. */
export function FeedHeadTags({
  feed,
  title,
  description,
}: {
  feed: string;
  title: string;
  description: string;
}) {
  const url = absoluteUrl(SITE_URL, feedPagePath(feed));
  return (
    <>
      <link rel="canonical" href={url} />
      <FeedLinks feed={feed} title={title} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content="en" />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
    </>
  );
}

/** A story page: its address, the Breaking News feeds, its preview and its JSON-LD. */
export function StoryHeadTags({
  story,
  topics,
}: {
  story: Story & { lang: string };
  topics: readonly Topic[];
}) {
  const url = absoluteUrl(SITE_URL, `/stories/${story.id}`);
  const section = topics.find((topic) => topic.slug === story.topics[0])?.name;
  const image = story.photo ? shareImage(story.photo) : undefined;
  return (
    <>
      <link rel="canonical" href={url} />
      <FeedLinks feed={BREAKING_FEED} title="Breaking News" />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={story.headline} />
      <meta property="og:description" content={story.summary} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={ogLocale(story.lang)} />
      {image && story.photo ? (
        <>
          <meta property="og:image" content={absoluteUrl(SITE_URL, image.path)} />
          <meta property="og:image:type" content="image/jpeg" />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          <meta property="og:image:alt" content={story.photo.alt} />
        </>
      ) : null}
      <meta property="article:published_time" content={story.publishedAt} />
      {story.updatedAt ? <meta property="article:modified_time" content={story.updatedAt} /> : null}
      {section ? <meta property="article:section" content={section} /> : null}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={story.headline} />
      <meta name="twitter:description" content={story.summary} />
      {image && story.photo ? (
        <>
          <meta name="twitter:image" content={absoluteUrl(SITE_URL, image.path)} />
          <meta name="twitter:image:alt" content={story.photo.alt} />
        </>
      ) : null}
      <script
        type="application/ld+json"
        // Data, not code: the browser never runs it, and scriptSafeJson keeps every story text
        // inside the element. React escapes text children as HTML, which would corrupt JSON.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON escaped by scriptSafeJson
        dangerouslySetInnerHTML={{ __html: scriptSafeJson(newsArticle(story, section, SITE_URL)) }}
      />
    </>
  );
}
