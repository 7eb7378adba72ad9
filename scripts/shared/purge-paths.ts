/**
 * `_purge.txt`, written by every build at the site's root: the URL paths a CDN in front of the
 * site must purge after this release went live, one a line, each starting with `/` (servers
 * answer 404 for `/_*`, so it is never published; `npm run purge` sends it).
 *
 * A path is listed when its bytes changed since the previous live release (changed, new or
 * gone), as a reader requests it (`/`, `/stories/<id>`, `.html` dropped), in the order to purge:
 * what pages load first (photos, icons, the search's script), then the API, archive pages and
 * feeds, then the pages, and last the service worker and web app manifest, which name pages.
 * Immutable files are never listed (`/assets/*`, the search's shards and WebAssembly), nor a new
 * archive page; an archive page that publishing rewrote (an edited story's) is, as a CDN would
 * otherwise keep it a day. `/*` alone means everything: there was nothing to compare
 * with (a first build, a deleted cache).
 */

export const PURGE_FILE = "_purge.txt";

/** Never rewritten under the same name, so never in a CDN's way (see headers.ts). */
const IMMUTABLE = /^(assets|pagefind\/shards|pagefind\/wasm)\//;

/** Changes of a build: each changed, new or gone file, and whether the previous site had it. */
export type SiteChanges = ReadonlyMap<string, boolean>;

function rank(file: string): number {
  if (file === "sw.js" || file.endsWith(".webmanifest")) return 3;
  if (file.endsWith(".html")) return 2;
  if (/^(api|archive|feeds)\//.test(file) || /\.(xml|txt)$/.test(file)) return 1;
  return 0;
}

/** The URL path a reader requests for a file of the site. */
export function urlPath(file: string): string {
  if (!file.endsWith(".html")) return `/${file}`;
  const page = file.slice(0, -".html".length);
  if (page === "index") return "/";
  // A folder's page keeps its slash (request-path.ts's FOLDER_PAGES): `lite/index.html` is `/lite/`.
  return `/${page.endsWith("/index") ? page.slice(0, -"index".length) : page}`;
}

/**
 * The purge list of a build whose changes are `changes` (undefined: nothing to compare with).
 * `exists`: whether the new or previous site has a file, so a precompressed sibling
 * (`x.html.br`) is purged through its file's URL, as a CDN keys it.
 */
export function purgeList(
  changes: SiteChanges | undefined,
  exists: (file: string) => boolean,
): string[] {
  if (!changes) return ["/*"];
  const files = new Set<string>();
  for (const [changed, existedBefore] of changes) {
    const sibling = /\.(br|gz)$/.exec(changed);
    const file =
      sibling && exists(changed.slice(0, sibling.index))
        ? changed.slice(0, sibling.index)
        : changed;
    if (file.startsWith("_") || IMMUTABLE.test(file)) continue;
    if (file.startsWith("archive/") && !existedBefore) continue;
    files.add(file);
  }
  return [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).map(urlPath);
}

export const purgeFileText = (paths: readonly string[]) =>
  paths.map((line) => `${line}\n`).join("");
