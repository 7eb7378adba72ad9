import { statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Content } from "../content/load-content.ts";
import { buildFeeds } from "./feeds.ts";
import { siteUrlFromEnv } from "./site-url.ts";
import {
  NEWS_SITEMAP_PATH,
  newsSitemap,
  robotsTxt,
  sitemapFiles,
  sitemapUrls,
} from "./sitemaps.ts";

/** Every syndication file (feeds, sitemaps, robots.txt) by its path from the site root. */
export function buildSyndication(
  content: Content,
  siteUrl: string,
  fileBytes: (path: string) => number,
): Map<string, string> {
  return new Map([
    ...buildFeeds(content, { siteUrl, fileBytes }),
    ...sitemapFiles(sitemapUrls(content, siteUrl), siteUrl),
    [NEWS_SITEMAP_PATH, newsSitemap(content, siteUrl)],
    ["/robots.txt", robotsTxt(siteUrl)],
  ]);
}

/**
 * Build stage after the images: writes the syndication files into outDir. Feed enclosures
 * give each image's size in bytes, read from the file the image stage built.
 */
export async function emitSyndication(
  content: Content,
  outDir: string,
  siteUrl = siteUrlFromEnv(process.env),
): Promise<number> {
  const target = (urlPath: string) => path.join(outDir, ...urlPath.split("/"));
  const fileBytes = (urlPath: string) => {
    try {
      return statSync(target(urlPath)).size;
    } catch {
      throw new Error(`feeds: the image ${urlPath} was not built; the image stage must run first`);
    }
  };
  const files = buildSyndication(content, siteUrl, fileBytes);
  for (const folder of new Set([...files.keys()].map((key) => path.dirname(target(key)))))
    await mkdir(folder, { recursive: true });
  await Promise.all([...files].map(([key, text]) => writeFile(target(key), text)));
  return files.size;
}
