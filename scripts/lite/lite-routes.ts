import { API_PATHS, FEED_PAGE_SIZE } from "../../src/content/api-types.ts";
import { litePath } from "../../src/shared/lite-paths.ts";
import { headNext } from "../content/emit.ts";

/**
 * Which lite pages the content makes, the API files each is rendered from, and how one is
 * rendered. Lite lists page the feed exactly as the API does (docs/api.md): the newest
 * headlines are the head and the archive pages that make LITE_HEADLINES, and each older archive
 * page has a lite page of its own with the same number, never changed by publishing (how one
 * is rendered: render-lite-page.ts). So publishing a story rewrites the lite front and its topics' lite pages, the lite pages of it
 * and its older neighbour, and once in ten stories adds one lite archive page per feed.
 */

/** At least this many headlines on a lite front or topic page (30 to 39: whole archive pages). */
export const LITE_HEADLINES = 30;

/**
 * Stands for a story's photos' sizes among its lite page's inputs (scripts/commands/build.ts
 * tells them after the images stage, lite-photo-sizes.ts): a photo link says how many bytes it
 * opens.
 */
export const litePhotoSizesInput = (id: string) => `images/lite-photo-sizes/${id}`;

/** The archive pages a feed of `total` stories shows on its lite front, after the head. */
export function liteFrontPages(total: number): number[] {
  const pages: number[] = [];
  const first = headNext(total);
  if (first === null) return pages;
  let shown = total - first * FEED_PAGE_SIZE;
  for (let page = first; page >= 1 && shown < LITE_HEADLINES; page--) {
    pages.push(page);
    shown += FEED_PAGE_SIZE;
  }
  return pages;
}

/** The archive pages older than the lite front's, each a lite page: 1 to the one before them. */
export function liteArchivePages(total: number): number[] {
  const front = liteFrontPages(total);
  const newest = (front.at(-1) ?? 1) - 1;
  return Array.from({ length: Math.max(0, newest) }, (_, index) => index + 1);
}

/** A lite page to prerender: the address rendered, its file, the API files it shows. */
export type LiteRoute = { render: string; file: string; deps: string[] };

const api = (url: string) => url.slice(1);
/** `/lite/topics/x` -> `lite/topics/x.html`; the front is a folder's `index.html`. */
const fileOf = (address: string) =>
  address.endsWith("/") ? `${address.slice(1)}index.html` : `${address.slice(1)}.html`;

export function liteRoutes(
  feeds: readonly { feed: string; total: number }[],
  storyIds: readonly string[],
): LiteRoute[] {
  const route = (render: string, deps: string[]) => ({ render, file: fileOf(render), deps });
  const topics = api(API_PATHS.topics);
  return [
    ...feeds.flatMap(({ feed, total }) => [
      route(litePath.feed(feed), [
        topics,
        api(API_PATHS.feedHead(feed)),
        ...liteFrontPages(total).map((page) => api(API_PATHS.feedArchive(feed, page))),
      ]),
      ...liteArchivePages(total).map((page) =>
        route(litePath.archive(feed, page), [topics, api(API_PATHS.feedArchive(feed, page))]),
      ),
    ]),
    ...storyIds.map((id) =>
      route(litePath.story(id), [api(API_PATHS.story(id)), litePhotoSizesInput(id)]),
    ),
  ];
}
