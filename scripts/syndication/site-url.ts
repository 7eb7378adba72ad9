import { DEFAULT_SITE_URL } from "../../src/shared/site-url.ts";

/**
 * The site's origin for absolute URLs (feeds, sitemaps, canonical links, link previews), from
 * `SITE_URL` at build time. Pages live at the root of the origin, so a path is an error, not
 * something to guess around; a trailing slash is dropped.
 */
export function siteUrlFromEnv(env: NodeJS.ProcessEnv): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `SITE_URL: "${raw}" is not a URL; expected an origin such as https://news.example.com`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`SITE_URL: "${raw}" must start with https:// or http://`);
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password)
    throw new Error(
      `SITE_URL: "${raw}" must be an origin only (no path, query or credentials); the site is served from its root`,
    );
  return url.origin;
}
