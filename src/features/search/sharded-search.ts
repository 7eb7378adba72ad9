/**
 * A search over an index split into shards (scripts/search/search-index.ts), newest shard
 * first: older shards are searched only when the results shown so far need them (a first
 * page, Load more) or when the search goes on to count every story (`searchAll`). Results are
 * placed in pages: each page takes the best matches of every story found so far that is not
 * shown yet, so a page already shown never changes, and the count says only what has been
 * counted (`complete` says whether every shard has been searched).
 */

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
