import type { Content, StoryCard } from "./load-content.ts";

/** Stage 3: the orders and lookups every emitted file is cut from, each computed once. */

export type ContentIndex = {
  /** Breaking News order: publishedAt desc by instant, then id asc. */
  newestFirst: StoryCard[];
  /** Every topic of topics.json, in that order, with its stories in Breaking News order. */
  byTopic: Map<string, StoryCard[]>;
  breaking: StoryCard[];
  specialReports: StoryCard[];
};

export function indexContent(content: Content): ContentIndex {
  // loadContent hands stories over newest first (the Content type's contract).
  const newestFirst = content.cards;
  const byTopic = new Map<string, StoryCard[]>(content.topics.map((topic) => [topic.slug, []]));
  for (const story of newestFirst) {
    for (const slug of new Set(story.topics)) byTopic.get(slug)?.push(story);
  }
  return {
    newestFirst,
    byTopic,
    breaking: newestFirst.filter((story) => story.breaking),
    specialReports: newestFirst.filter((story) => story.specialReport),
  };
}
