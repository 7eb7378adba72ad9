import {
  type AtomFeed,
  generateAtomFeed,
  generateJsonFeed,
  generateRssFeed,
  type JsonFeed,
  type RssFeed,
} from "feedsmith";
import { BREAKING_DESCRIPTION, BREAKING_FEED } from "../../src/content/api-types.ts";
import type { Block, Story, Topic } from "../../src/content/schema.ts";
import {
  FEED_FORMATS,
  type FeedFormat,
  feedPagePath,
  feedPath,
} from "../../src/shared/feed-paths.ts";
import { shareImage } from "../../src/shared/share-image.ts";
import { absoluteUrl, SITE_NAME } from "../../src/shared/site-url.ts";
import type { Content, StoryCard } from "../content/load-content.ts";
import { xmlSafe } from "./xml-text.ts";

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for Breaking News and every topic, each with the newest
 * stories, written by feedsmith (which escapes and CDATA-wraps text) from the same content as
 * the pages. Nothing here reads the clock: the same content always gives the same files.
 */

export const FEED_LENGTH = 20;
const DEFAULT_LANG = "en";
const BREAKING_TITLE = "Breaking News";
const MEDIA_TYPE: Record<FeedFormat, string> = Object.fromEntries(
  FEED_FORMATS.map(({ format, type }) => [format, type]),
) as Record<FeedFormat, string>;

/** One feed as the three formats see it: where it lives and what it lists. */
export type FeedSource = {
  feed: string;
  title: string;
  description: string;
  stories: Story[];
};

export type FeedImage = { url: string; width: number; height: number; bytes: number };

/** Everything a feed needs beyond the content: absolute URLs and the size of each image file. */
export type FeedContext = {
  siteUrl: string;
  topics: ReadonlyMap<string, Topic>;
  /** Size in bytes of a built file, by its path from the site root (e.g. /images/x-1280.jpg). */
  fileBytes: (path: string) => number;
};

/**
 * Breaking News, then every topic of topics.json in its order, each newest first. The stories
 * are whole (JSON Feed carries the text): read again once each, a few hundred at most.
 */
export function feedSources(content: Content): FeedSource[] {
  const byTopic = new Map<string, StoryCard[]>(content.topics.map((topic) => [topic.slug, []]));
  for (const story of content.cards) {
    for (const slug of new Set(story.topics)) {
      const list = byTopic.get(slug);
      if (list && list.length < FEED_LENGTH) list.push(story);
    }
  }
  const whole = new Map<StoryCard, Story>();
  const read = (cards: StoryCard[]) =>
    cards.map((card) => {
      let story = whole.get(card);
      if (!story) {
        story = content.story(card);
        whole.set(card, story);
      }
      return story;
    });
  return [
    {
      feed: BREAKING_FEED,
      title: BREAKING_TITLE,
      description: BREAKING_DESCRIPTION,
      stories: read(content.cards.slice(0, FEED_LENGTH)),
    },
    ...content.topics.map((topic) => ({
      feed: topic.slug,
      title: topic.name,
      description: topic.description ?? `Stories about ${topic.name} from ${SITE_NAME}.`,
      stories: read(byTopic.get(topic.slug) ?? []),
    })),
  ];
}

const storyUrl = (siteUrl: string, story: Story) => absoluteUrl(siteUrl, `/stories/${story.id}`);
const lastChange = (story: Story) => story.updatedAt ?? story.publishedAt;

/** The feed changed when its latest story did; an empty feed has no date to give. */
function feedUpdated(stories: readonly Story[]): Date | undefined {
  const times = stories.map((story) => Date.parse(lastChange(story)));
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

function leadImage(story: Story, context: FeedContext): FeedImage | undefined {
  if (!story.photo) return undefined;
  const image = shareImage(story.photo);
  return {
    url: absoluteUrl(context.siteUrl, image.path),
    width: image.width,
    height: image.height,
    bytes: context.fileBytes(image.path),
  };
}

function topicsOf(story: Story, context: FeedContext): Topic[] {
  return story.topics.flatMap((slug) => {
    const topic = context.topics.get(slug);
    return topic ? [topic] : [];
  });
}

/** The body as plain text, for JSON Feed's required content: one paragraph per block. */
export function bodyText(blocks: readonly Block[]): string {
  const parts = blocks.flatMap((block): string[] => {
    switch (block.type) {
      case "paragraph":
      case "heading":
        return [block.text];
      case "quote":
        return [block.cite ? `“${block.text}” — ${block.cite}` : `“${block.text}”`];
      case "list":
        return [
          block.items
            .map((item, index) => (block.ordered ? `${index + 1}. ${item}` : `• ${item}`))
            .join("\n"),
        ];
      case "photo":
        return block.photo.caption ? [block.photo.caption] : [];
      default: {
        const unknown: never = block;
        throw new Error(`unknown block ${JSON.stringify(unknown)}`);
      }
    }
  });
  return parts.join("\n\n");
}

export function rssFeed(source: FeedSource, context: FeedContext): string {
  const { siteUrl } = context;
  const updated = feedUpdated(source.stories);
  const feed: RssFeed.Feed<Date> = {
    title: xmlSafe(`${source.title} — ${SITE_NAME}`),
    link: absoluteUrl(siteUrl, feedPagePath(source.feed)),
    description: xmlSafe(source.description),
    language: DEFAULT_LANG,
    atom: {
      links: [
        {
          href: absoluteUrl(siteUrl, feedPath(source.feed, "rss")),
          rel: "self",
          type: MEDIA_TYPE.rss,
        },
      ],
    },
    items: source.stories.map((story): RssFeed.Item<Date> => {
      const url = storyUrl(siteUrl, story);
      const image = leadImage(story, context);
      const item: RssFeed.Item<Date> = {
        title: xmlSafe(story.headline),
        link: url,
        description: xmlSafe(story.summary),
        guid: { value: url, isPermaLink: true },
        pubDate: new Date(story.publishedAt),
        categories: topicsOf(story, context).map((topic) => ({
          name: xmlSafe(topic.name),
          domain: absoluteUrl(siteUrl, `/topics/${topic.slug}`),
        })),
        // RSS's own <author> must be an e-mail address; a byline is a name.
        dc: {
          languages: [story.lang ?? DEFAULT_LANG],
          ...(story.byline ? { creators: [xmlSafe(story.byline)] } : {}),
        },
        xml: { lang: story.lang ?? DEFAULT_LANG },
      };
      if (image) {
        item.enclosures = [{ url: image.url, length: image.bytes, type: "image/jpeg" }];
        item.media = { contents: [mediaContent(image, story)] };
      }
      return item;
    }),
  };
  if (updated) feed.lastBuildDate = updated;
  return generateRssFeed(feed);
}

function mediaContent(image: FeedImage, story: Story) {
  return {
    url: image.url,
    type: "image/jpeg",
    medium: "image",
    width: image.width,
    height: image.height,
    fileSize: image.bytes,
    ...(story.photo ? { description: { value: xmlSafe(story.photo.alt), type: "plain" } } : {}),
    ...(story.photo?.credit ? { credits: [{ value: xmlSafe(story.photo.credit) }] } : {}),
  };
}

export function atomFeed(source: FeedSource, context: FeedContext): string {
  const { siteUrl } = context;
  const self = absoluteUrl(siteUrl, feedPath(source.feed, "atom"));
  const page = absoluteUrl(siteUrl, feedPagePath(source.feed));
  // Atom requires an <updated>; an empty topic has no story to date it by.
  const updated = feedUpdated(source.stories) ?? new Date(0);
  const feed: AtomFeed.Feed<Date> = {
    id: self,
    title: { value: xmlSafe(`${source.title} — ${SITE_NAME}`), type: "text" },
    subtitle: { value: xmlSafe(source.description), type: "text" },
    updated,
    links: [
      { href: self, rel: "self", type: MEDIA_TYPE.atom },
      { href: page, rel: "alternate", type: "text/html" },
    ],
    // Entries without a byline are the newsroom's own: Atom needs an author for each entry.
    authors: [{ name: SITE_NAME, uri: siteUrl }],
    xml: { lang: DEFAULT_LANG },
    entries: source.stories.map((story): AtomFeed.Entry<Date> => {
      const url = storyUrl(siteUrl, story);
      const image = leadImage(story, context);
      const entry: AtomFeed.Entry<Date> = {
        id: url,
        title: { value: xmlSafe(story.headline), type: "text" },
        summary: { value: xmlSafe(story.summary), type: "text" },
        published: new Date(story.publishedAt),
        updated: new Date(lastChange(story)),
        links: [{ href: url, rel: "alternate", type: "text/html" }],
        categories: topicsOf(story, context).map((topic) => ({
          term: topic.slug,
          scheme: absoluteUrl(siteUrl, "/topics/"),
          label: xmlSafe(topic.name),
        })),
        xml: { lang: story.lang ?? DEFAULT_LANG },
      };
      if (story.byline) entry.authors = [{ name: xmlSafe(story.byline) }];
      if (image) {
        entry.links?.push({
          href: image.url,
          rel: "enclosure",
          type: "image/jpeg",
          length: image.bytes,
        });
        entry.media = { contents: [mediaContent(image, story)] };
      }
      return entry;
    }),
  };
  return generateAtomFeed(feed);
}

export function jsonFeed(source: FeedSource, context: FeedContext): string {
  const { siteUrl } = context;
  const feed: JsonFeed.Feed<Date> = {
    title: `${source.title} — ${SITE_NAME}`,
    home_page_url: absoluteUrl(siteUrl, feedPagePath(source.feed)),
    feed_url: absoluteUrl(siteUrl, feedPath(source.feed, "json")),
    description: source.description,
    language: DEFAULT_LANG,
    authors: [{ name: SITE_NAME, url: siteUrl }],
    items: source.stories.map((story): JsonFeed.Item<Date> => {
      const url = storyUrl(siteUrl, story);
      const image = leadImage(story, context);
      const item: JsonFeed.Item<Date> = {
        id: url,
        url,
        title: story.headline,
        summary: story.summary,
        content_text: bodyText(story.body),
        date_published: new Date(story.publishedAt),
        date_modified: new Date(lastChange(story)),
        tags: topicsOf(story, context).map((topic) => topic.name),
        language: story.lang ?? DEFAULT_LANG,
      };
      if (story.byline) item.authors = [{ name: story.byline }];
      if (image) item.image = image.url;
      return item;
    }),
  };
  return JSON.stringify(generateJsonFeed(feed), null, 2);
}

const WRITERS: Record<FeedFormat, (source: FeedSource, context: FeedContext) => string> = {
  rss: rssFeed,
  atom: atomFeed,
  json: jsonFeed,
};

/** Every feed file, keyed by its path from the site root. Pure: sizes come from `fileBytes`. */
export function buildFeeds(content: Content, context: Omit<FeedContext, "topics">) {
  const full: FeedContext = {
    ...context,
    topics: new Map(content.topics.map((topic) => [topic.slug, topic])),
  };
  const files = new Map<string, string>();
  for (const source of feedSources(content)) {
    for (const { format } of FEED_FORMATS)
      files.set(feedPath(source.feed, format), WRITERS[format](source, full));
  }
  return files;
}
