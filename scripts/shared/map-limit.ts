/**
 * Like `Promise.all(items.map(fn))` but with at most `limit` calls in flight, so ten thousand
 * stories do not open ten thousand file handles at once.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Calls `fn` for each item of an iterable, at most `limit` at a time, pulling items only as
 * calls finish: a generator of a hundred thousand files is never held in memory at once.
 */
export async function eachLimit<T>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let step = iterator.next(); !step.done; step = iterator.next()) await fn(step.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
