import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  API_PATHS,
  BREAKING_FEED,
  FEED_PAGE_SIZE,
  type FeedPage,
  type StoryLink,
  type StoryList,
  type StoryPage,
  type StorySummary,
} from "../../src/content/api-types.ts";
import type { Story } from "../../src/content/schema.ts";
import { indexContent } from "./index-content.ts";
import type { Content } from "./load-content.ts";
import { mapLimit } from "./map-limit.ts";

/** Stage 4: cut the indexed content into the static JSON API of DESIGN.md and write it out. */

// As for reads: enough to keep the 4 libuv threads busy, no more.
const WRITE_CONCURRENCY = 16;
const RELATED_COUNT = 3;
const DEFAULT_LANG = "en";

/** The API files are keyed by their path inside dist/: the URL without its leading slash. */
const apiFile = (url: string) => url.slice(1);

function toSummary(story: Story): StorySummary {
  const summary: StorySummary = {
    id: story.id,
    headline: story.headline,
    summary: story.summary,
    topics: story.topics,
    publishedAt: story.publishedAt,
    lang: story.lang ?? DEFAULT_LANG,
  };
  if (story.updatedAt !== undefined) summary.updatedAt = story.updatedAt;
  if (story.sample !== undefined) summary.sample = story.sample;
  if (story.photo !== undefined) summary.photo = story.photo;
  return summary;
}

function toLink(story: Story): StoryLink {
  return { id: story.id, headline: story.headline, lang: story.lang ?? DEFAULT_LANG };
}

function feedPages(
  files: Map<string, string>,
  feed: string,
  title: string,
  stories: readonly Story[],
  summaries: Map<Story, StorySummary>,
): void {
  // An empty topic still answers page 1, so its topic page shows "no stories" instead of a 404.
  const pageCount = Math.max(1, Math.ceil(stories.length / FEED_PAGE_SIZE));
  for (let page = 1; page <= pageCount; page++) {
    const slice = stories.slice((page - 1) * FEED_PAGE_SIZE, page * FEED_PAGE_SIZE);
    const body: FeedPage = {
      feed,
      title,
      page,
      pageCount,
      total: stories.length,
      stories: slice.map((story) => summaries.get(story) as StorySummary),
    };
    files.set(apiFile(API_PATHS.feedPage(feed, page)), JSON.stringify(body));
  }
}

function related(story: Story, byTopic: Map<string, Story[]>): Story[] {
  const candidates = byTopic.get(story.topics[0] ?? "") ?? [];
  const picked: Story[] = [];
  for (const candidate of candidates) {
    if (picked.length === RELATED_COUNT) break;
    if (candidate !== story) picked.push(candidate);
  }
  return picked;
}

/** Every API file as URL path (no leading slash) -> minified JSON. Pure: no I/O. */
export function buildApi(content: Content): Map<string, string> {
  const index = indexContent(content);
  const summaries = new Map(index.newestFirst.map((story) => [story, toSummary(story)]));
  const files = new Map<string, string>();

  files.set(apiFile(API_PATHS.topics), JSON.stringify(content.topics));
  feedPages(files, BREAKING_FEED, "Breaking News", index.newestFirst, summaries);
  for (const topic of content.topics)
    feedPages(files, topic.slug, topic.name, index.byTopic.get(topic.slug) ?? [], summaries);

  index.newestFirst.forEach((story, position) => {
    const previous = index.newestFirst[position - 1];
    const next = index.newestFirst[position + 1];
    const page: StoryPage = {
      story: { ...story, lang: story.lang ?? DEFAULT_LANG },
      previous: previous ? toLink(previous) : null,
      next: next ? toLink(next) : null,
      related: related(story, index.byTopic).map((other) => summaries.get(other) as StorySummary),
    };
    files.set(apiFile(API_PATHS.story(story.id)), JSON.stringify(page));
  });

  const list = (stories: Story[]): string =>
    JSON.stringify({ stories: stories.map(toLink) } satisfies StoryList);
  files.set(apiFile(API_PATHS.breaking), list(index.breaking));
  files.set(apiFile(API_PATHS.specialReports), list(index.specialReports));
  return files;
}

/**
 * Writes every buildApi file under outDir. Photos are not copied: pages show only the variants
 * emitResponsiveImages makes, so an original would be served to no one.
 * It only adds files: the caller provides a fresh outDir so no stale story survives a delete.
 */
export async function emitSite(
  content: Content,
  outDir: string,
  api: ReadonlyMap<string, string> = buildApi(content),
): Promise<void> {
  const files = [...api];
  const target = (urlPath: string) => path.join(outDir, ...urlPath.split("/"));

  const folders = new Set(files.map(([key]) => path.dirname(target(key))));
  for (const folder of folders) await mkdir(folder, { recursive: true });

  await mapLimit(files, WRITE_CONCURRENCY, ([key, json]) => writeFile(target(key), json));
}
