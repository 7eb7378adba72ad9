/**
 * `/pagefind/shards.json`: the list of the search index's shards, newest first. The build
 * writes it (scripts/search/search-index.ts) and the search page reads it
 * (src/features/search/pagefind.ts), so the shape lives here, with the API's other contracts.
 */

/** One shard of the index, as `/pagefind/shards.json` lists it (newest first). */
export type ShardInfo = {
  path: string;
  stories: number;
  newest: string;
  oldest: string;
  /** Its metadata file's name (which its entry file names too), to fetch it early. */
  meta?: string;
};

/** `/pagefind/shards.json`, as the build writes it (scripts/search/search-index.ts). */
export type ShardList = { version: 1; shards: ShardInfo[] };

/** Reads `/pagefind/shards.json`; anything else is an error naming the field. */
export function parseShardList(json: unknown): ShardInfo[] {
  const list = json as { version?: unknown; shards?: unknown } | null;
  if (list?.version !== 1 || !Array.isArray(list.shards)) {
    throw new Error("search index: /pagefind/shards.json: expected version 1 and a shards list");
  }
  return list.shards.map((item: unknown, index): ShardInfo => {
    const shard = item as Partial<Record<keyof ShardInfo, unknown>> | null;
    if (typeof shard?.path !== "string" || !shard.path.startsWith("/pagefind/")) {
      throw new Error(
        `search index: /pagefind/shards.json: shards[${index}].path: not under /pagefind/`,
      );
    }
    return {
      path: shard.path,
      stories: typeof shard.stories === "number" ? shard.stories : 0,
      newest: typeof shard.newest === "string" ? shard.newest : "",
      oldest: typeof shard.oldest === "string" ? shard.oldest : "",
      ...(typeof shard.meta === "string" && /^[\w.-]+$/.test(shard.meta)
        ? { meta: shard.meta }
        : {}),
    };
  });
}
