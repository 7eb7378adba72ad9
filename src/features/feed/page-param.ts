/**
 * `?page=N` says how many feed pages are shown. Anything a person could type there ("abc",
 * "0", "-1", "1e9", "2.5") becomes a sensible count instead of an error.
 */

/** Keeps a hostile `?page=1e9` from asking for a billion requests before the clamp. */
const MAX_PAGES = 1000;

export function parsePageParam(raw: string | null): number {
  if (raw === null || !/^\d+$/.test(raw.trim())) return 1;
  const value = Number.parseInt(raw.trim(), 10);
  return Math.min(Math.max(value, 1), MAX_PAGES);
}

export function clampPageCount(requested: number, pageCount: number): number {
  return Math.min(Math.max(requested, 1), Math.max(pageCount, 1));
}
