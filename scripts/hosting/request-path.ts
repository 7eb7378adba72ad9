/**
 * What `npm start` makes of a request target, as nginx does: the path is decoded first, then
 * normalised (empty and "." segments dropped, ".." taken back), and everything after is
 * decided on that one path: which file answers, which header rules apply, where a trailing
 * slash redirects. Deciding on the raw path instead let "/assets/..%2fsw.js" (the service
 * worker) take the rules of /assets/* ("immutable") and "/topics/iran%2F" redirect to itself.
 */

import { prefixBasePath } from "../../src/shared/base-path.ts";
import { LITE_FRONT_PATH } from "../../src/shared/lite-paths.ts";

/**
 * The pages served at a folder's address, slash kept, from `<folder>/index.html`: the lite front
 * page (src/shared/lite-paths.ts). The bare address redirects to it, the other way round from
 * every other page.
 */
export const FOLDER_PAGES: readonly string[] = [LITE_FRONT_PATH];

export type RequestPath =
  /** A path inside the site: starts with "/", no empty, "." or ".." segment, no backslash. */
  | { kind: "path"; path: string; segments: string[] }
  /** The same path without its trailing slash: send the reader there (query kept). */
  | { kind: "redirect"; location: string }
  /** Not a path of this site: undecodable, a NUL or backslash, or above the root. */
  | { kind: "refused" };

/** A segment written back into a URL path: escaped as a browser would send it. */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/%(2[46BC]|3[ABD]|40)/g, (escaped) =>
    decodeURIComponent(escaped),
  );

/** `base`: the build's base path (src/shared/base-path.ts); its folder pages are under it. */
export function requestPath(target: string, base = "/"): RequestPath {
  const query = target.indexOf("?");
  const rawPath = query < 0 ? target : target.slice(0, query);
  // Escaped as the URL standard does, so no byte of it can break the Location header.
  const search = query < 0 ? "" : new URL(target.slice(query), "http://localhost/").search;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: "refused" };
  }
  // A backslash is a separator to browsers ("/\evil.example" is another host) and to Windows
  // file systems: no page of the site has one, so it is never read as either.
  if (decoded.includes("\0") || decoded.includes("\\")) return { kind: "refused" };
  const segments: string[] = [];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") segments.push(segment);
    // Above the root: nginx answers 400 (which the site's config turns into its 404 page).
    else if (segments.pop() === undefined) return { kind: "refused" };
  }
  const path = `/${segments.join("/")}`;
  if (FOLDER_PAGES.some((page) => prefixBasePath(base, page) === `${path}/`)) {
    return /\/\.?$/.test(decoded)
      ? { kind: "path", path: `${path}/`, segments: [...segments, "index.html"] }
      : { kind: "redirect", location: `${path}/${search}` };
  }
  // The redirect names the decoded path, escaped again: it differs from the target's decoded
  // path (no trailing slash), so it can never lead back to the same request.
  if (segments.length > 0 && /\/\.?$/.test(decoded))
    return { kind: "redirect", location: `/${segments.map(encodeSegment).join("/")}${search}` };
  return { kind: "path", path, segments };
}

/**
 * The files of the build for the host and the cache (`_headers`, `_nginx.conf`, `_varnish.vcl`,
 * `_purge.txt`): every file at the root whose name starts with "_". Never served.
 */
export const isHostFile = (segments: string[]) =>
  segments.length === 1 && segments[0]?.startsWith("_") === true;
