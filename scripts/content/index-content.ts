import type { Story } from "../../src/content/schema.ts";
import type { Content } from "./load-content.ts";

/** Stage 3: the orders and lookups every emitted file is cut from, each computed once. */

export type ContentIndex = {
  /** Breaking News order: publishedAt desc by instant, then id asc. */
  newestFirst: Story[];
  /** Every topic of topics.json, in that order, with its stories in Breaking News order. */
  byTopic: Map<string, Story[]>;
  breaking: Story[];
  specialReports: Story[];
};

export function sortNewestFirst(stories: readonly Story[]): Story[] {
  // Offsets differ between stories ("+02:00" vs "Z"), so compare instants, not strings.
  const keyed = stories.map((story) => ({ story, instant: Date.parse(story.publishedAt) }));
  keyed.sort(
    (a, b) =>
      b.instant - a.instant || (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0),
  );
  return keyed.map(({ story }) => story);
}

export function indexContent(content: Content): ContentIndex {
  const newestFirst = sortNewestFirst(content.stories);
  const byTopic = new Map<string, Story[]>(content.topics.map((topic) => [topic.slug, []]));
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
