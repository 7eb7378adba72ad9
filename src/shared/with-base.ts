/**
 * The app's base path, the one accessor every address the app makes goes through: the base the
 * build was made for (`BASE_PATH=/mirror/news/ npm run build`, Vite's `base`, so `/` unless
 * set). src/shared/base-path.ts says why paths inside the site stay as they are elsewhere.
 */
import { prefixBasePath, stripBasePath } from "@/shared/base-path";

/** `/` or `/mirror/news/`: always starts and ends with a slash. */
// Build scripts run by tsx import this module through src/shared's contracts (the lite pages'
// addresses): there import.meta.env is undefined and the site's addresses are paths alone.
export const BASE_PATH: string = import.meta.env?.BASE_URL ?? "/";

/** A path inside the site as the browser must ask for it: `/stories/x` -> `/mirror/news/stories/x`. */
export function withBase(sitePath: string): string {
  return prefixBasePath(BASE_PATH, sitePath);
}

/** The path inside the site of the browser's address (`location.pathname`); `/` outside the base. */
export function sitePathOf(urlPath: string): string {
  return stripBasePath(BASE_PATH, urlPath) ?? "/";
}
