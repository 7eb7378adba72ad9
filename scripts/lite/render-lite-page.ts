import {
  API_PATHS,
  BREAKING_FEED,
  type FeedArchivePage,
  type FeedChunk,
  type FeedHead,
  type StoryPage,
  type Topic,
} from "../../src/content/api-types.ts";
import { litePath } from "../../src/shared/lite-paths.ts";
import { type LiteContext, liteListPage, liteStoryPage } from "./lite-page.tsx";
import { liteFrontPages } from "./lite-routes.ts";

/** Reads an API file (`/api/…`, `/archive/…`) of the site being built. */
export type ReadApi = (url: string) => string | undefined;

function readJson<T>(read: ReadApi, url: string): T {
  const text = read(url);
  if (text === undefined) throw new Error(`lite page: no API file ${url}`);
  return JSON.parse(text) as T;
}

/** The feed's name, and every topic. */
function feedTopics(read: ReadApi, feed: string): { title: string; topics: Topic[] } {
  const topics = readJson<Topic[]>(read, API_PATHS.topics);
  if (feed === BREAKING_FEED) return { title: "Breaking News", topics };
  const topic = topics.find((entry) => entry.slug === feed);
  if (!topic) throw new Error(`lite page: no topic "${feed}" in ${API_PATHS.topics}`);
  return { title: topic.name, topics };
}

const STORY = /^\/lite\/stories\/([a-z0-9-]+)$/;
const TOPIC = /^\/lite\/topics\/([a-z0-9-]+)$/;
const ARCHIVE = /^\/lite\/archive\/([a-z0-9-]+)\/([1-9][0-9]*)$/;

/** The HTML of the lite page at `address` (one of liteRoutes' `render`). */
export function renderLitePage(address: string, read: ReadApi, context: LiteContext): string {
  const story = STORY.exec(address)?.[1];
  if (story) return liteStoryPage(readJson<StoryPage>(read, API_PATHS.story(story)), context);
  const archive = ARCHIVE.exec(address);
  if (archive?.[1] && archive[2]) {
    const [feed, page] = [archive[1], Number(archive[2])];
    const chunk = readJson<FeedArchivePage>(read, API_PATHS.feedArchive(feed, page));
    return liteListPage({ feed, page, chunks: [chunk], ...feedTopics(read, feed) }, context);
  }
  const feed = address === litePath.front() ? BREAKING_FEED : TOPIC.exec(address)?.[1];
  if (!feed) throw new Error(`lite page: no lite page at ${address}`);
  const head = readJson<FeedHead>(read, API_PATHS.feedHead(feed));
  const chunks: FeedChunk[] = [
    head,
    ...liteFrontPages(head.total).map((page) =>
      readJson<FeedArchivePage>(read, API_PATHS.feedArchive(feed, page)),
    ),
  ];
  return liteListPage({ feed, chunks, ...feedTopics(read, feed) }, context);
}
