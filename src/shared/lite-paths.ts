import { BREAKING_FEED } from "@/content/api-types";

/**
 * The addresses of the lite pages (scripts/lite), and the one function every address a lite
 * page names goes through: `siteHref`. A site served under a base path (a mirror) changes
 * that function alone, and every link, form, canonical and photo link of every lite page
 * follows. The scheme `/lite/`, `/lite/stories/<id>`, `/lite/topics/<slug>` is a contract:
 * full pages, the sitemaps and the data saver link to it.
 */

/** Every address a lite page names, and every lite address a full page names, as a link. */
export function siteHref(path: string): string {
  return path;
}

/** The lite front page: a folder address, the one page of the site that keeps its slash. */
export const LITE_FRONT_PATH = "/lite/";

export const litePath = {
  front: () => siteHref(LITE_FRONT_PATH),
  story: (id: string) => siteHref(`/lite/stories/${id}`),
  /** A feed's newest headlines: the lite front page for Breaking News, else the topic's. */
  feed: (feed: string) =>
    feed === BREAKING_FEED ? siteHref(LITE_FRONT_PATH) : siteHref(`/lite/topics/${feed}`),
  /** A feed's older headlines: one lite page per archive page (docs/api.md), same number. */
  archive: (feed: string, page: number) => siteHref(`/lite/archive/${feed}/${page}`),
} as const;

/** The lite version of a full page's address; a page with none (search, saved) gets the front. */
export function liteVersionOf(pathname: string): string {
  const story = /^\/stories\/([a-z0-9-]+)$/.exec(pathname);
  if (story?.[1]) return litePath.story(story[1]);
  const topic = /^\/topics\/([a-z0-9-]+)$/.exec(pathname);
  if (topic?.[1]) return litePath.feed(topic[1]);
  return litePath.front();
}
