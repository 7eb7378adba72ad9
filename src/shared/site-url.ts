/**
 * Addresses outside the page itself: feeds, sitemaps, link previews and search engines need
 * absolute URLs, so the build knows the site's origin (`SITE_URL`, read by scripts/syndication/
 * site-url.ts). No imports: vite.config.ts reads this module before any alias exists.
 */
export const DEFAULT_SITE_URL = "http://localhost:4173";

export const SITE_NAME = "Dispatch";

/** `http://example.com` + `/stories/x` -> `http://example.com/stories/x`. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path}`;
}

/** Open Graph writes locales as language_TERRITORY: `pt-BR` -> `pt_BR`. */
export function ogLocale(lang: string): string {
  return lang.replace(/-/g, "_");
}
