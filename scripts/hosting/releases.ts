import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readlink,
  rename,
  rm,
  symlink,
  unlink,
} from "node:fs/promises";
import path from "node:path";

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
 * to it), and replaced releases past RETENTION.
 */
export async function staleReleases(
  outDir: string,
  live: Live,
  options: { keep?: string; now?: number } = {},
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
  // Newest first: each was replaced when the one after it went live.
  replaced.reverse();
  replaced.forEach((name, index) => {
    const successor = index === 0 ? live.release : replaced[index - 1];
    const replacedAt = (successor ? releaseTime(successor) : undefined) ?? now;
    if (index >= RETENTION.previous && now - replacedAt > RETENTION.replacedForMs)
      stale.push(path.join(dir, name));
  });
  return stale;
}
