import { existsSync } from "node:fs";
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  unlink,
} from "node:fs/promises";
import path from "node:path";
import { readIndex, writeIndex } from "./build-cache.ts";
import { mapLimit } from "./map-limit.ts";

/**
 * The live site is a symlink (OUT_DIR, default `dist`) to a release: a folder of its own in
 * `<OUT_DIR>.releases/`, named by the time it went live. A build assembles the new release
 * beside the live one and switches the symlink to it with one rename(2) of a new symlink over
 * the old: a server that resolves the path per request (nginx, `npm start`) finds either the
 * whole old site or the whole new one, never a missing folder or a mix.
 *
 * The previous releases stay on disk for a while (RETENTION): a request that resolved the
 * symlink just before the switch still finds its files, and the previous release is there to
 * switch back to by hand (`ln -sfn dist.releases/<id> dist.new && mv -T dist.new dist`).
 *
 * A publish does not assemble a whole release: it rewrites the one before the live one
 * (rewriteRelease), which no server has read for a while (REUSE_AFTER_MS), into the next, so
 * it costs the files that changed over two builds, not the site. Between builds there are then
 * two releases, the live one and the one before it, the one to roll back to.
 */

/** Where OUT_DIR's releases are kept: beside it, so the switch stays on one file system. */
export const releasesDir = (outDir: string) => `${path.resolve(outDir)}.releases`;

/** Unfinished builds assemble their release under this prefix; a killed one leaves it behind. */
export const STAGING_PREFIX = ".staging-";

/**
 * How long a replaced release is kept: the one before the live one always, any older one
 * until ten minutes after it was replaced, long past any request or nginx's cached file
 * handle (open_file_cache revalidates within a minute) that resolved the symlink before then.
 */
export const RETENTION = { previous: 1, replacedForMs: 10 * 60_000 };

/**
 * How long after a release stopped being live it may be rewritten into the next one. Until
 * then a reader may still be inside it: a request that resolved the symlink just before the
 * switch and opens its file just after (`npm start` stats, then opens), or nginx's cached
 * descriptors, checked again after open_file_cache_valid (1 s). An open file is never at risk
 * (the rewrite renames new files over old names; it never writes into one), a path looked up
 * in it is. A newsroom publishes minutes apart; builds closer than this assemble a new folder.
 * DISPATCH_REUSE_AFTER_MS: a test-only seam (killed-build.crash.test.ts, where nobody reads).
 */
export const REUSE_AFTER_MS = 5_000;

const reuseAfterMs = () => Number(process.env.DISPATCH_REUSE_AFTER_MS ?? REUSE_AFTER_MS);

/** A release's name: the time it went live, `20261206T190600123Z`, so names sort by time. */
export const releaseName = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, "");

function releaseTime(name: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(name);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, ms] = match.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms);
}

/** The live site's folder and, when OUT_DIR is a symlink to a release, that release's name. */
export type Live = {
  /** The folder OUT_DIR resolves to now, absent when there is none. */
  dir?: string;
  release?: string;
  /** OUT_DIR is a folder of its own, from a build before releases (or made by hand). */
  legacy: boolean;
};

export async function liveSite(outDir: string): Promise<Live> {
  const out = path.resolve(outDir);
  const stats = await lstat(out).catch(() => undefined);
  if (!stats) return { legacy: false };
  if (stats.isDirectory()) return { dir: out, legacy: true };
  if (!stats.isSymbolicLink()) return { legacy: false };
  const target = path.resolve(path.dirname(out), await readlink(out));
  const exists = await lstat(target).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!exists) return { legacy: false };
  const inReleases = path.dirname(target) === releasesDir(out);
  return { dir: target, release: inReleases ? path.basename(target) : undefined, legacy: false };
}

/** Creates the releases folder (public: the web server's user must enter it). */
export async function ensureReleasesDir(outDir: string): Promise<string> {
  const dir = releasesDir(outDir);
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  return dir;
}

/** A name for the next release: now, or just after the live one if the clock says otherwise. */
export function nextReleaseName(live: Live, now = Date.now()): string {
  const after = live.release ? releaseTime(live.release) : undefined;
  return releaseName(after !== undefined && after >= now ? after + 1 : now);
}

/**
 * Points OUT_DIR at `release` in one rename(2). A folder at OUT_DIR (the first build after
 * releases came in) is first moved into the releases as the one before: two renames, the only
 * moment a server can find no site, once. Returns that folder's new place, if any.
 */
export async function switchLive(outDir: string, release: string): Promise<string | undefined> {
  const out = path.resolve(outDir);
  const link = `${out}.switch-${process.pid}`;
  await rm(link, { force: true });
  await symlink(path.relative(path.dirname(out), release), link);
  const gap = Number(process.env.DISPATCH_SWAP_GAP_MS ?? 0);
  if (gap > 0) {
    // A test-only seam (publish-under-load.crash.test.ts): a switch that is NOT atomic, the
    // old site gone for `gap` ms, to show that the test catches one.
    await unlink(out).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, gap));
  }
  try {
    await rename(link, out);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
    const stamp = releaseTime(path.basename(release)) ?? Date.now();
    const aside = path.join(path.dirname(release), `${releaseName(stamp - 1)}-legacy`);
    await rename(out, aside);
    await rename(link, out);
    return aside;
  }
}

/**
 * The folders in the releases folder that can go: unfinished builds' (other than `keep`),
 * releases newer than the live one (a build killed between naming its release and switching
 * to it), and replaced releases past RETENTION. `previous`, the release that was live until
 * this build's switch, is the newest replaced one whatever its name: after a hand rollback it
 * is older than the release rolled back from, which must not be kept in its place.
 */
export async function staleReleases(
  outDir: string,
  live: Live,
  options: { keep?: string; now?: number; previous?: string } = {},
): Promise<string[]> {
  const dir = releasesDir(outDir);
  const now = options.now ?? Date.now();
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const stale: string[] = [];
  const replaced: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (full === options.keep || name === live.release) continue;
    if (name.startsWith(STAGING_PREFIX)) stale.push(full);
    else if (releaseTime(name) === undefined) continue;
    else if (live.release && name > live.release) stale.push(full);
    else replaced.push(name);
  }
  // Newest first: each was replaced when the one after it went live (a release rolled back
  // from, no later than its own going live).
  replaced.reverse();
  const previousAt = replaced.indexOf(options.previous ?? "");
  if (previousAt > 0) replaced.unshift(...replaced.splice(previousAt, 1));
  replaced.forEach((name, index) => {
    const successor = index === 0 ? live.release : replaced[index - 1];
    const replacedAt = Math.max(
      (successor ? releaseTime(successor) : undefined) ?? now,
      releaseTime(name) ?? 0,
    );
    if (index >= RETENTION.previous && now - replacedAt > RETENTION.replacedForMs)
      stale.push(path.join(dir, name));
  });
  return stale;
}

/**
 * The folder of `name`, the release before the live one, if it may be rewritten into the next
 * release now: it is not the live one (a hand rollback makes it so), it is older, and the live
 * one went live (its name's time) at least REUSE_AFTER_MS ago.
 */
export async function reusableRelease(
  outDir: string,
  live: Live,
  name: string | undefined,
  now = Date.now(),
): Promise<string | undefined> {
  const wentLive = live.release ? releaseTime(live.release) : undefined;
  if (!name || !live.release || wentLive === undefined || releaseTime(name) === undefined)
    return undefined;
  if (name >= live.release || now - wentLive < reuseAfterMs()) return undefined;
  const folder = path.join(releasesDir(outDir), name);
  const found = await lstat(folder).catch(() => undefined);
  return found?.isDirectory() ? folder : undefined;
}

/**
 * The cache's record of a release: its files' hashes, its name (`:release`), and the old
 * assets it carries (`:carried:<file>` -> `<hash> <ms since no build made it>`).
 */
export type Manifest = {
  files: Map<string, string>;
  release?: string;
  carried: Map<string, { hash: string; since: number }>;
};

export async function readManifest(file: string): Promise<Manifest> {
  const manifest: Manifest = { files: new Map(), carried: new Map() };
  for (const [key, value] of await readIndex(file)) {
    if (key === ":release") manifest.release = value;
    else if (key.startsWith(":carried:")) {
      const [hash = "", since = "0"] = value.split(" ");
      manifest.carried.set(key.slice(":carried:".length), { hash, since: Number(since) });
    } else manifest.files.set(key, value);
  }
  return manifest;
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  const index = new Map(manifest.files);
  if (manifest.release) index.set(":release", manifest.release);
  for (const [carried, { hash, since }] of manifest.carried)
    index.set(`:carried:${carried}`, `${hash} ${since}`);
  await writeIndex(file, index);
}

/** Hard-links `from` to `to` (a copy on a file system without hard links). */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") await copyFile(from, to);
    else throw error;
  }
}

const inside = (dir: string, file: string) => path.join(dir, ...file.split("/"));

/** How many of a record's files are looked for in its release before the record is trusted. */
const SAMPLE = 64;

/**
 * Whether `dir` has the files of a sample spread evenly over `files`: a release folder emptied
 * or pruned behind the build's back (CI restoring .cache/ beside a new, empty dist/) is not
 * taken for the one its record describes.
 */
export function holdsSample(dir: string, files: readonly string[]): boolean {
  const step = Math.max(1, Math.floor(files.length / SAMPLE));
  return files.every((file, index) => index % step !== 0 || existsSync(inside(dir, file)));
}

/**
 * Brings `folder` from the files it `has` (path -> hash) to those it `wants`: deletes the
 * files it no longer wants (and folders left empty), and puts each file whose hash differs in
 * place from `source(file)`, moved (a file of the staging folder) or linked (the live
 * release's), under a name of its own renamed over the old one. A file whose hash is the same
 * is not touched: it keeps its inode and modification time. Returns how many files were
 * moved, linked and deleted.
 */
export async function rewriteRelease(options: {
  folder: string;
  has: ReadonlyMap<string, string>;
  wants: ReadonlyMap<string, string>;
  source: (file: string) => { from: string; move: boolean };
}): Promise<{ moved: number; linked: number; deleted: number }> {
  const { folder, has, wants } = options;
  const gone = [...has.keys()].filter((file) => !wants.has(file));
  const changed: string[] = [];
  for (const [file, hash] of wants) if (has.get(file) !== hash) changed.push(file);
  // Deleted first: a path that was a file may now be a folder, or the other way round.
  await mapLimit(gone, 16, (file) => rm(inside(folder, file), { force: true }));
  const emptied = [...new Set(gone.map((file) => path.dirname(inside(folder, file))))];
  // Deepest first, each up to the release's own folder, as long as it is empty.
  emptied.sort((a, b) => b.length - a.length);
  for (let dir of emptied) {
    while (dir.startsWith(`${folder}${path.sep}`)) {
      const removed = await rmdir(dir).then(
        () => true,
        () => false,
      );
      if (!removed) break;
      dir = path.dirname(dir);
    }
  }
  for (const dir of new Set(changed.map((file) => path.dirname(inside(folder, file)))))
    await mkdir(dir, { recursive: true });
  let moved = 0;
  await mapLimit(changed, 16, async (file) => {
    const to = inside(folder, file);
    const { from, move } = options.source(file);
    if (move) {
      moved++;
      return rename(from, to);
    }
    const partial = `${to}.${process.pid}.partial`;
    await rm(partial, { force: true });
    await linkOrCopy(from, partial);
    await rename(partial, to);
  });
  return { moved, linked: changed.length - moved, deleted: gone.length };
}
