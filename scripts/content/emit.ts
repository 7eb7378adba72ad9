import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  API_PATHS,
  BREAKING_FEED,
  FEED_PAGE_SIZE,
  type FeedArchivePage,
  type FeedHead,
  HIGHLIGHTS_LIMIT,
  type StoryLink,
  type StoryList,
  type StoryPage,
  type StorySummary,
} from "../../src/content/api-types.ts";
import { eachLimit } from "../shared/map-limit.ts";
import { indexContent } from "./index-content.ts";
import type { Content, StoryCard } from "./load-content.ts";

/** Stage 4: cut the indexed content into the static JSON API (docs/api.md). */

// Writes through the promise API (the dev server, tests): enough to keep libuv's 4 threads
// busy, no more. The build's writer (the object store) is synchronous.
const WRITE_CONCURRENCY = 16;
const RELATED_COUNT = 3;
const DEFAULT_LANG = "en";

/** The API files are keyed by their path inside dist/: the URL without its leading slash. */
const apiFile = (url: string) => url.slice(1);

function toSummary(story: StoryCard): StorySummary {
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

function toLink(story: StoryCard): StoryLink {
  return { id: story.id, headline: story.headline, lang: story.lang ?? DEFAULT_LANG };
}

/** The archive page the head of a feed of `total` stories points to (see FeedHead). */
export function headNext(total: number): number | null {
  const fullPages = Math.floor(total / FEED_PAGE_SIZE);
  // The newest full page stays in the head, so the head never has fewer than ten stories.
  return fullPages >= 2 ? fullPages - 1 : null;
}

/**
 * What a file is made of, for StoryFileReuse: the hashes of the story files, "-" for none;
 * undefined if one is unknown, since then nothing vouches for the last build's file.
 */
function madeOf(
  hashes: ReadonlyMap<string, string>,
  stories: readonly (StoryCard | undefined)[],
): string | undefined {
  const inputs = stories.map((story) => (story ? hashes.get(story.id) : "-"));
  return inputs.includes(undefined) ? undefined : inputs.join(" ");
}

/** A feed's head and its archive pages; `stories` newest first. */
function* feedFiles(
  content: Content,
  feed: string,
  title: string,
  stories: readonly StoryCard[],
  reuse: StoryFileReuse | undefined,
): Generator<[string, string]> {
  const total = stories.length;
  const next = headNext(total);
  const head: FeedHead = {
    feed,
    title,
    total,
    stories: stories.slice(0, total - (next ?? 0) * FEED_PAGE_SIZE).map(toSummary),
    next,
  };
  yield [apiFile(API_PATHS.feedHead(feed)), JSON.stringify(head)];
  for (let page = 1; page <= (next ?? 0); page++) {
    // Page p holds the stories p*10 - 9 to p*10 counted from the oldest.
    const slice = stories.slice(total - page * FEED_PAGE_SIZE, total - (page - 1) * FEED_PAGE_SIZE);
    const file = apiFile(API_PATHS.feedArchive(feed, page));
    // Full, so unchanged until one of its stories is edited or removed.
    const inputs = reuse && madeOf(content.hashes, slice);
    if (inputs !== undefined && reuse?.(file, inputs)) continue;
    const body: FeedArchivePage = {
      feed,
      page,
      stories: slice.map(toSummary),
      next: page > 1 ? page - 1 : null,
    };
    yield [file, JSON.stringify(body)];
  }
}

/**
 * The nearest older stories of the topic, topped up with the nearest newer ones: a new story
 * (the newest) then enters no other story's list but those of a topic's oldest three.
 */
function related(topicStories: readonly StoryCard[], at: number): StoryCard[] {
  const older = topicStories.slice(at + 1, at + 1 + RELATED_COUNT);
  const newer = topicStories.slice(Math.max(0, at - (RELATED_COUNT - older.length)), at);
  return [...newer, ...older];
}

const list = (stories: readonly StoryCard[]): string =>
  JSON.stringify({
    stories: stories.slice(0, HIGHLIGHTS_LIMIT).map(toLink),
    total: stories.length,
  } satisfies StoryList);

/**
 * Asked before a story's own API file or an archive page is made, with what it is made of
 * (the hashes of the story files it shows: for a story's file, the story, its previous and next
 * stories and its related ones, in that order): true if the file the last build made of the
 * same is still good, so that it is not made (nor a story's file read) again.
 */
export type StoryFileReuse = (file: string, inputs: string) => boolean;

/**
 * Every API file as [path inside dist/ (the URL without its leading slash), minified JSON],
 * one at a time, so a large archive is written without all of it held in memory. Pure.
 */
export function* apiFiles(content: Content, reuse?: StoryFileReuse): Generator<[string, string]> {
  const index = indexContent(content);
  yield [apiFile(API_PATHS.topics), JSON.stringify(content.topics)];
  yield [apiFile(API_PATHS.breaking), list(index.breaking)];
  yield [apiFile(API_PATHS.specialReports), list(index.specialReports)];
  yield* feedFiles(content, BREAKING_FEED, "Breaking News", index.newestFirst, reuse);
  for (const topic of content.topics)
    yield* feedFiles(content, topic.slug, topic.name, index.byTopic.get(topic.slug) ?? [], reuse);

  // Each story's place in its first topic, for its related list.
  const topicPosition = new Map<StoryCard, number>();
  for (const stories of index.byTopic.values())
    stories.forEach((story, at) => {
      if (story.topics[0] !== undefined && index.byTopic.get(story.topics[0]) === stories)
        topicPosition.set(story, at);
    });

  const { newestFirst } = index;
  for (let position = 0; position < newestFirst.length; position++) {
    const story = newestFirst[position] as StoryCard;
    const previous = newestFirst[position - 1];
    const next = newestFirst[position + 1];
    const topicStories = index.byTopic.get(story.topics[0] ?? "") ?? [];
    const relatedStories = related(topicStories, topicPosition.get(story) ?? 0);
    const file = apiFile(API_PATHS.story(story.id));
    const inputs = reuse && madeOf(content.hashes, [story, previous, next, ...relatedStories]);
    if (inputs !== undefined && reuse?.(file, inputs)) continue;
    // The whole story, read again: only its own file shows its body.
    const whole = content.story(story);
    const page: StoryPage = {
      story: { ...whole, lang: whole.lang ?? DEFAULT_LANG },
      previous: previous ? toLink(previous) : null,
      next: next ? toLink(next) : null,
      related: relatedStories.map(toSummary),
    };
    yield [file, JSON.stringify(page)];
  }
}

/** Every API file in a map (the dev server and tests); the build streams apiFiles instead. */
export function buildApi(content: Content): Map<string, string> {
  return new Map(apiFiles(content));
}

/**
 * Writes every API file under outDir (tests, the content benchmark, the second build of the
 * e2e publishing test; the build itself goes through its SiteOutput), creating each folder once.
 * Photos are not copied: pages show only the variants emitResponsiveImages makes, so an
 * original would be served to no one. It only adds files: the caller provides a fresh outDir
 * so no stale story survives a delete.
 */
export async function writeApiFiles(content: Content, outDir: string): Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  await eachLimit(apiFiles(content), WRITE_CONCURRENCY, async ([key, json]) => {
    const target = path.join(outDir, ...key.split("/"));
    const folder = path.dirname(target);
    let made = folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      folders.set(folder, made);
    }
    await made;
    await writeFile(target, json);
  });
}
