import { BREAKING_FEED } from "@/content/api-types";
import { withBase } from "@/shared/with-base";

/**
 * The addresses of the lite pages (scripts/lite), and the one function every address a lite
 * page links to goes through: `siteHref`, which puts the base path of a mirror in front
 * (src/shared/with-base.ts), so every link, form and photo link of every lite page follows. The
 * scheme `/lite/`, `/lite/stories/<id>`, `/lite/topics/<slug>` is a contract: full pages, the
 * sitemaps and the data saver link to it. `litePath` gives a page's path in the site (which
 * file it is, as the build and the servers see it); a link names `siteHref(path)`.
 */

/** A path of the site as a link in a page: every link a lite page carries, under the base. */
export function siteHref(path: string): string {
  return withBase(path);
}

/** The lite front page: a folder address, the one page of the site that keeps its slash. */
export const LITE_FRONT_PATH = "/lite/";

export const litePath = {
  front: () => LITE_FRONT_PATH,
  story: (id: string) => `/lite/stories/${id}`,
  /** A feed's newest headlines: the lite front page for Breaking News, else the topic's. */
  feed: (feed: string) => (feed === BREAKING_FEED ? LITE_FRONT_PATH : `/lite/topics/${feed}`),
  /** A feed's older headlines: one lite page per archive page (docs/api.md), same number. */
  archive: (feed: string, page: number) => `/lite/archive/${feed}/${page}`,
} as const;

/** The link to a full page's lite version; a page with none (search, saved) gets the front. */
export function liteVersionOf(pathname: string): string {
  const story = /^\/stories\/([a-z0-9-]+)$/.exec(pathname);
  if (story?.[1]) return siteHref(litePath.story(story[1]));
  const topic = /^\/topics\/([a-z0-9-]+)$/.exec(pathname);
  if (topic?.[1]) return siteHref(litePath.feed(topic[1]));
  return siteHref(litePath.front());
}
