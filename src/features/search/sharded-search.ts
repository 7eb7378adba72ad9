/**
 * A search over an index split into shards (scripts/search/search-index.ts), newest shard
 * first: older shards are searched only when the results shown so far need them (a first
 * page, Load more) or when the search goes on to count every story (`searchAll`). Results are
 * placed in pages: each page takes the best matches of every story found so far that is not
 * shown yet, so a page already shown never changes, and the count says only what has been
 * counted (`complete` says whether every shard has been searched).
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

export type Scored = { score: number };

export class ShardedSearch<T extends Scored> {
  /** Placed results, in the order shown: only ever appended to. */
  readonly placed: T[] = [];
  /** Found, not yet placed, best first. */
  private pool: T[] = [];
  /** Shards searched so far (the newest `searched` of them). */
  private searched = 0;
  /** The shard searches, one after another. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly shardCount: number,
    private readonly searchShard: (index: number) => Promise<T[]>,
  ) {}

  /** Every story found so far, placed or not. */
  get found(): number {
    return this.placed.length + this.pool.length;
  }

  /** Whether every shard has been searched: `found` is the whole count. */
  get complete(): boolean {
    return this.searched >= this.shardCount;
  }

  /** Whether there are found stories not placed yet, or shards not searched yet. */
  get hasMore(): boolean {
    return this.pool.length > 0 || !this.complete;
  }

  /** Searches the next shard not searched yet (none, once all are); one at a time. */
  searchNext(): Promise<void> {
    const step = this.queue.then(async () => {
      if (this.complete) return;
      const found = await this.searchShard(this.searched);
      this.searched++;
      this.pool = this.pool.concat(found).sort((a, b) => b.score - a.score);
    });
    // A failed shard is searched again by the next call.
    this.queue = step.catch(() => {});
    return step;
  }

  /** Places the next `count` results, searching older shards until enough are found. */
  async place(count: number): Promise<T[]> {
    while (this.pool.length < count && !this.complete) await this.searchNext();
    const next = this.pool.slice(0, count);
    this.pool = this.pool.slice(count);
    this.placed.push(...next);
    return next;
  }

  /** Searches every shard left, calling `progress` after each; stops when `stopped()` says. */
  async searchAll(progress: () => void, stopped: () => boolean): Promise<void> {
    while (!this.complete && !stopped()) {
      await this.searchNext();
      if (!stopped()) progress();
    }
  }
}
