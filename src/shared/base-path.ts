/**
 * The base path a build is served under: `/` at the root of its origin, or a folder such as
 * `/mirror/news/` when the same site is mirrored on another domain and path (docs/hosting.md,
 * Mirrors). Pages, the API and every file keep their paths inside the site (`/stories/x`);
 * only where an address leaves the code (an href, a fetch, a header rule) is the base put in
 * front. Pure functions, no imports: vite.config.ts, the build and the servers read this module
 * as it is; the app reads its own build's base through src/shared/with-base.ts.
 */

/** One path segment of a base: what a folder on a static host may be called, and no escapes. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * `mirror/news`, `/mirror/news` and `/mirror/news/` -> `/mirror/news/`; empty or `/` -> `/`.
 * Anything else (a URL, a query, `..`, an escape, a space) is an error naming BASE_PATH.
 */
export function normalizeBasePath(raw: string | undefined): string {
  const value = raw?.trim() ?? "";
  const segments = value.split("/").filter(Boolean);
  const bad = segments.find((segment) => !SEGMENT.test(segment) || /^\.+$/.test(segment));
  if (bad !== undefined || /\/\/|\\/.test(value)) {
    throw new Error(
      `BASE_PATH: "${raw}" is not a path of folders; expected something like /mirror/news/ (letters, digits, "-", "_", "." and "~" between slashes, no "..", query or host)`,
    );
  }
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

/** A path inside the site under `base`: (`/mirror/news/`, `/stories/x`) -> `/mirror/news/stories/x`. */
export function prefixBasePath(base: string, sitePath: string): string {
  return base === "/" ? sitePath : `${base}${sitePath.replace(/^\//, "")}`;
}

/**
 * The path inside the site of a URL path under `base`, or undefined when it lies outside:
 * (`/mirror/news/`, `/mirror/news/stories/x`) -> `/stories/x`; `/mirror/news` -> `/`.
 */
export function stripBasePath(base: string, urlPath: string): string | undefined {
  if (base === "/") return urlPath;
  if (urlPath === base.slice(0, -1)) return "/";
  return urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : undefined;
}
