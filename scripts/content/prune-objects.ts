import { lstat, readdir, stat, unlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { eachLimit } from "../shared/map-limit.ts";

/**
 * The object store (build-cache.ts) keeps every file a build wrote, so it grows with every
 * edit: each new version of a page is a new object. An object still hard-linked into a built
 * site has more than one link. One with a single link is used by no site, and its ctime (which
 * changes when a link is added or removed) says since when. Such objects are deleted after
 * `unusedFor`: long enough that switching back to an older branch or content still finds its
 * pages, short enough that the cache stays the size of the sites built from it.
 */

export const UNUSED_OBJECT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Pruning looks at every object: once a day is enough. */
export const PRUNE_INTERVAL_MS = 24 * 60 * 60 * 1000;
const STAMP = ".last-pruned";

export type PruneResult = { removed: number; bytes: number; kept: number };

export async function pruneObjects(
  objectsDir: string,
  { now = Date.now(), unusedFor = UNUSED_OBJECT_LIFETIME_MS } = {},
): Promise<PruneResult> {
  const result: PruneResult = { removed: 0, bytes: 0, kept: 0 };
  let folders: string[];
  try {
    folders = await readdir(objectsDir);
  } catch {
    return result;
  }
  // The object folders' listings first (256 of them), then every object's links and age,
  // many at a time: one after the other, 12,000 objects took 3.8 s.
  const files = (
    await Promise.all(
      folders
        .filter((folder) => folder !== STAMP)
        .map(async (folder) => {
          const dir = path.join(objectsDir, folder);
          const names = await readdir(dir).catch(() => []);
          return names.map((name) => path.join(dir, name));
        }),
    )
  ).flat();
  await eachLimit(files, 64, async (file) => {
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile()) return;
    if (info.nlink > 1 || now - info.ctimeMs < unusedFor) {
      result.kept++;
      return;
    }
    await unlink(file);
    result.removed++;
    result.bytes += info.size;
  });
  return result;
}

/** Prunes `objectsDir` if it was last pruned more than PRUNE_INTERVAL_MS ago (or never). */
export async function pruneObjectsIfDue(
  objectsDir: string,
  now = Date.now(),
): Promise<PruneResult | undefined> {
  const stamp = path.join(objectsDir, STAMP);
  const last = await stat(stamp).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
  if (last === undefined) {
    // A new store: nothing in it can have gone unused for long. Pruning starts a day from now.
    await writeFile(stamp, "").catch(() => undefined);
    return undefined;
  }
  if (now - last < PRUNE_INTERVAL_MS) return undefined;
  const result = await pruneObjects(objectsDir, { now });
  await utimes(stamp, now / 1000, now / 1000);
  return result;
}
