/**
 * The site's file types, for every part that serves or compresses them: npm start, the dev
 * server, the generated nginx configuration and the build's precompression. Kept apart from
 * all of them so that none imports another for a table.
 */

/** The Content-Type of each extension the site has. */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};
/** The text types: compressed when sent, and given `.br` and `.gz` siblings by the build. */
export const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".css",
  ".json",
  ".webmanifest",
  ".svg",
  ".txt",
  ".xml",
]);

/** A file's precompressed siblings, beside it: `index.html.br`, `index.html.gz`. */
export const BROTLI_SUFFIX = ".br";
export const GZIP_SUFFIX = ".gz";
