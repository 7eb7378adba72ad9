import { mkdtemp, readdir, readFile, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { searchDocument } from "../../scripts/search/search-document.ts";
import { buildSearchIndex } from "../../scripts/search/search-index.ts";
import { ObjectStore, sha1 } from "../../scripts/shared/build-cache.ts";
import { SiteOutput } from "../../scripts/shared/site-output.ts";

export type ShardedIndex = {
  /** The temporary folder holding the index (`pagefind/`) and its cache: remove it after. */
  work: string;
  /** Each shard's folder under /pagefind/, newest first (as shards.json lists them). */
  shardPaths: string[];
  shards: number;
};

/**
 * The search index of a built site's story pages in shards of `shardStories`, as a large
 * archive's is, made by the build's own code: the same pages, more shards than their number
 * makes. Written into a temporary folder as into a build's staging folder, never published.
 */
export async function buildShardedIndex(options: {
  dataDir: string;
  distDir: string;
  shardStories: number;
}): Promise<ShardedIndex> {
  const { dataDir, distDir, shardStories } = options;
  const work = await mkdtemp(path.join(tmpdir(), "dispatch-search-shards-"));
  await symlink(path.resolve(distDir, "stories"), path.join(work, "stories"));
  const storyPages = [];
  for (const file of await readdir(path.join(dataDir, "stories"))) {
    const json = await readFile(path.join(dataDir, "stories", file), "utf8");
    const story = JSON.parse(json) as { id: string; publishedAt: string };
    const page = `stories/${story.id}.html`;
    const html = await readFile(path.join(distDir, page), "utf8");
    const documentHash = sha1(searchDocument(html, page));
    storyPages.push({ file: page, documentHash, publishedAt: story.publishedAt });
  }
  const site = await SiteOutput.open({
    store: new ObjectStore(path.join(work, "cache")),
    staging: work,
    live: path.join(work, "not-published"),
    manifestFile: path.join(work, "cache", "site.json"),
  });
  const built = await buildSearchIndex({
    site,
    storyPages,
    indexFile: path.join(work, "cache", "search.json"),
    shardStories,
  });
  const list = JSON.parse(await readFile(path.join(work, "pagefind", "shards.json"), "utf8"));
  const shardPaths = (list as { shards: { path: string }[] }).shards.map((shard) => shard.path);
  return { work, shardPaths, shards: built.shards };
}

/** Serves the sharded index in place of the site's own /pagefind/; `hold` may delay a file. */
export function serveShardedIndex(
  page: Page,
  index: ShardedIndex,
  hold: (pathname: string) => Promise<void> = async () => {},
  served: string[] = [],
): Promise<unknown> {
  return page.route(/\/pagefind\//, async (route) => {
    const { pathname } = new URL(route.request().url());
    await hold(pathname);
    served.push(pathname);
    await route.fulfill({ path: path.join(index.work, pathname) });
  });
}
