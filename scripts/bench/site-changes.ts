import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { mapLimit } from "../shared/map-limit.ts";

/** The build's precompressed siblings (scripts/bundle/precompress.ts), counted apart. */
export const SIBLING = /\.(br|gz)$/;
export const withoutSiblings = (files: string[]) => files.filter((file) => !SIBLING.test(file));

/**
 * Files a publish must change whatever the design (syndication feeds, sitemaps, the search
 * index in pagefind/), left out of the changed files as the issue counts them apart;
 * search.html is a page like any other.
 */
const SYNDICATION =
  /(^|\/)(sitemap[^/]*|robots\.txt|feed\.[a-z]+|[^/]*\.(xml|rss|atom))$|^pagefind\//;

export type SiteHashes = { hashes: Map<string, string>; bytes: number; siblingBytes: number };

/** Every built file -> content hash, with the site's size and its siblings' part of it. */
export async function siteHashes(outDir: string): Promise<SiteHashes> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
  let bytes = 0;
  let siblingBytes = 0;
  const hashes = new Map<string, string>();
  await mapLimit(files, 16, async (file) => {
    const data = await readFile(path.join(outDir, file));
    bytes += data.length;
    if (SIBLING.test(file)) siblingBytes += data.length;
    hashes.set(file, createHash("sha1").update(data).digest("hex"));
  });
  return { hashes, bytes, siblingBytes };
}

/** The files written, changed or deleted between two builds, without the syndication files. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [file, hash] of after) if (before.get(file) !== hash) changed.push(file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(file);
  return changed.filter((file) => !SYNDICATION.test(file.replace(SIBLING, ""))).sort();
}
