import { DEFAULT_SITE_URL } from "../../src/shared/site-url.ts";
import { basePathFromEnv } from "../shared/base-path.ts";

/**
 * The site's address for absolute URLs (feeds, sitemaps, canonical links, link previews):
 * `SITE_URL`'s origin, then the base path (`BASE_PATH`, scripts/shared/base-path.ts) without
 * its trailing slash, so that `absoluteUrl(site, "/stories/x")` names the page where it lives.
 * The path belongs in BASE_PATH, so a path in SITE_URL is an error, not something to guess
 * around; a trailing slash is dropped.
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
      `SITE_URL: "${raw}" must be an origin only (no path, query or credentials); a path goes in BASE_PATH`,
    );
  return `${url.origin}${basePathFromEnv(env).slice(0, -1)}`;
}
