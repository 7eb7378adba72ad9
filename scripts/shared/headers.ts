/**
 * The headers every host sends, as one table: a strict Content Security Policy (inline code
 * only by hash) and the other security headers on every response, and Cache-Control by path.
 * Hashed assets are never rewritten, so they are kept forever; feed archive pages and photos,
 * rewritten only by an edit, a day.
 * The build writes it out twice, as `_headers` (Netlify, Cloudflare Pages, `npm start`) and as
 * the nginx configuration `_nginx.conf` (scripts/hosting/nginx-config.ts). The table names paths
 * inside the site; the files name them under the build's base path (src/shared/base-path.ts).
 */
import { prefixBasePath } from "../../src/shared/base-path.ts";

export type CspHashes = { scripts: string[]; styles: string[] };

/** Hashed file names: a new build writes new names, so a copy can be kept forever. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/**
 * A day, then one more use of the kept copy while it is checked (a 304 when it is current): for
 * files rewritten only by an edit, under the same name.
 */
export const A_DAY = "public, max-age=86400, stale-while-revalidate=604800";
/** Always ask the server whether the copy is still current (a 304 when it is). */
export const REVALIDATE = "public, max-age=0, must-revalidate";

/**
 * Cache-Control by path, for what may be kept longer than the default; `*` matches any
 * characters, `/` included. Netlify and Cloudflare Pages join the values of every rule that
 * matches a path, so no two rules may match the same path (and none is `/*`): that is why the
 * API, which revalidates like the pages, has no rule of its own. nginx and `npm start` apply the
 * last rule that matches.
 */
export const CACHE_RULES: readonly { path: `/${string}`; cacheControl: string }[] = [
  { path: "/assets/*", cacheControl: IMMUTABLE },
  // Full feed archive pages: publishing a story never changes one, but a correction does (an
  // edited headline or summary on a card it shows, or a story dated before the feed's head):
  // kept forever, a browser would show the uncorrected card for good (docs/api.md). The CDN
  // is purged at once (_purge.txt lists them).
  { path: "/archive/*", cacheControl: A_DAY },
  // A photo replaced under the same name changes its variants.
  { path: "/images/*", cacheControl: A_DAY },
  // The search index's shards are folders named by the hash of what they index, its WebAssembly
  // is named by Pagefind's version (scripts/search/search-index.ts); the shard list and
  // Pagefind's script keep their names, so they revalidate like the pages.
  { path: "/pagefind/shards/*", cacheControl: IMMUTABLE },
  { path: "/pagefind/wasm/*", cacheControl: IMMUTABLE },
  // The service worker: browsers check it for updates on each visit, and a kept copy would
  // hold readers on an old build (src/service-worker/service-worker.ts).
  { path: "/sw.js", cacheControl: "no-cache" },
];

/**
 * Every path no rule names: the pages and the API. `_headers` leaves them to the host, whose
 * default on Netlify and Cloudflare Pages is this; nginx would send no Cache-Control at all
 * (browsers then guess a lifetime), so the nginx configuration and `npm start` send it.
 */
export const DEFAULT_CACHE_CONTROL = REVALIDATE;

/** The headers every response carries, whatever its path or status. */
export function securityHeaders(hashes: CspHashes): [name: string, value: string][] {
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly, which it loads
    // from /pagefind/ once the reader focuses the search box; it allows no JavaScript eval.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.scripts.join(" ")}`,
    `style-src 'self' ${hashes.styles.join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    ["Content-Security-Policy", csp],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
  ];
}

/** A rule's path as a regular expression over the whole URL path. */
export function pathPattern(glob: string): RegExp {
  const source = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${source}$`);
}

/** The Cache-Control a path gets from nginx and `npm start`: the last rule that matches. */
export function cacheControlFor(urlPath: string): string {
  const rule = CACHE_RULES.findLast((candidate) => pathPattern(candidate.path).test(urlPath));
  return rule?.cacheControl ?? DEFAULT_CACHE_CONTROL;
}

/** The `_headers` file that Netlify, Cloudflare Pages and `npm start` read; `base`: the base path. */
export function headersFile(hashes: CspHashes, base = "/"): string {
  const block = (path: string, headers: [string, string][]) =>
    `${path}\n${headers.map(([name, value]) => `  ${name}: ${value}\n`).join("")}`;
  return [
    block(prefixBasePath(base, "/*"), securityHeaders(hashes)),
    ...CACHE_RULES.map((rule) =>
      block(prefixBasePath(base, rule.path), [["Cache-Control", rule.cacheControl]]),
    ),
  ].join("\n");
}
