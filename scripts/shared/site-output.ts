import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type ObjectStore, sha1 } from "./build-cache.ts";
import { mapLimit } from "./map-limit.ts";
import { PURGE_FILE, purgeFileText, purgeList } from "./purge-paths.ts";
import {
  ensureReleasesDir,
  holdsSample,
  type Live,
  linkOrCopy,
  liveSite,
  type Manifest,
  nextReleaseName,
  readManifest,
  releasesDir,
  reusableRelease,
  rewriteRelease,
  STAGING_PREFIX,
  staleReleases,
  switchLive,
  writeManifest,
} from "./releases.ts";

/**
 * Where a build's files go, and how they reach the live site (OUT_DIR, `dist`).
 *
 * The live site is a symlink to a release folder (scripts/shared/releases.ts). A build
 * writes into a staging folder that becomes the next release, and the symlink is switched to
 * it in one rename once every stage has succeeded: a failed or killed build leaves the live
 * site as it was, and a server never sees a mix of two builds. The manifest of the live
 * release (every file with its hash, kept in the build cache with the release's name) says
 * what it holds: a file whose hash has not changed is not written again, so publishing one
 * story into an archive of 100,000 writes a few dozen files into staging.
 *
 * The next release is then, when it can be, the release before the live one, rewritten: its
 * manifest is kept too (`<manifest>.previous`), and only the files whose hash differs from it
 * are moved in from staging or hard-linked from the live release (rewriteRelease in
 * releases.ts), so the switch costs the files two builds changed, not the site's 325,000
 * (hard-linking every unchanged file into a new folder took 15 to 24 s at 100,000 stories).
 * Its record is deleted and its folder renamed as an unfinished build's before it is touched:
 * a build killed meanwhile leaves nothing that a later build or a rollback trusts. When it
 * cannot (no record of it, the live release went live less than REUSE_AFTER_MS ago, it lacks
 * files its record lists), every unchanged file is hard-linked from the live release into
 * staging, which becomes the release (a link is a directory entry, not a copy).
 *
 * The new release also keeps the previous builds' `/assets/` files for a day (CARRY_ASSETS_MS):
 * a page loaded from the old release asks for its hashed scripts after the switch. With no
 * manifest that matches the live release (a first build, a deleted cache, a build killed
 * before switching, a live folder lacking its files) the staging folder gets the whole site.
 */

/** The path of a file inside the site, with forward slashes: `stories/x.html`. */
type SitePath = string;

/** How long a script or stylesheet no build uses any more stays in the releases after it. */
export const CARRY_ASSETS_MS = 24 * 60 * 60_000;

const toSitePath = (relative: string): SitePath => relative.split(path.sep).join("/");
const inside = (dir: string, file: SitePath) => path.join(dir, ...file.split("/"));

/**
 * Reads a file of the site being built: from staging if the build wrote it there, else from
 * the live site, which then has it byte for byte (SiteOutput kept it). Synchronously: the
 * prerendering threads and the search index read a file at a time and have nothing else to do.
 */
export function readSiteFile(staging: string, live: string, file: SitePath): string {
  return readSiteBytes(staging, live, file).toString("utf8");
}

/** readSiteFile, as bytes. */
export function readSiteBytes(staging: string, live: string, file: SitePath): Buffer {
  try {
    return readFileSync(inside(staging, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return readFileSync(inside(live, file));
  }
}

async function filesIn(dir: string): Promise<SitePath[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => toSitePath(path.relative(dir, path.join(entry.parentPath, entry.name))));
}

/**
 * Links each file of `files` from `from` into `to`. Sixteen at a time through the thread pool:
 * at 65,000 files on two busy cores that took 2.5 to 3 s, one after another 7.7 to 9.4 s.
 */
async function linkAll(from: string, to: string, files: readonly SitePath[]): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(inside(to, file))));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  await mapLimit(files, 16, (file) => linkOrCopy(inside(from, file), inside(to, file)));
}

export type Committed = {
  /** Files this build wrote (new or changed). */
  moved: number;
  /** Unchanged files linked from the previous release. */
  linked: number;
  /** Files of the previous release the new one no longer has. */
  deleted: number;
  /** The new release's folder. */
  release: string;
  /** The release before the live one, if the new one was made by rewriting it. */
  reused?: string;
  /** Old releases and unfinished builds to delete (the caller does, in the background). */
  stale: string[];
};

export class SiteOutput {
  readonly staging: string;
  /** The live site's folder (the release OUT_DIR points to), where kept files are read. */
  readonly live: string;
  private readonly outDir: string;
  private readonly liveNow: Live;
  private readonly store: ObjectStore;
  private readonly manifestFile: string;
  /** The record of the release before the live one, to rewrite into the next. */
  private readonly previousFile: string;
  private readonly carried: Manifest["carried"];
  /**
   * The live site's files not yet seen in this build: what is left of it at the end are the
   * files the new site no longer has.
   */
  private readonly previous: Map<SitePath, string>;
  /** The new site's files handed to the store (put, placed, or kept as they are live). */
  private readonly files = new Map<SitePath, string>();
  /** Every file whose bytes change (true: the live site has it now), for the purge list. */
  private readonly changes = new Map<SitePath, boolean>();
  /** Whether the live site's manifest is known, so unchanged files are kept, not made. */
  readonly incremental: boolean;

  private constructor(options: {
    store: ObjectStore;
    staging: string;
    outDir: string;
    live: Live;
    manifestFile: string;
    manifest?: Manifest;
  }) {
    this.store = options.store;
    this.staging = options.staging;
    this.outDir = path.resolve(options.outDir);
    this.liveNow = options.live;
    this.live = options.live.dir ?? this.outDir;
    this.manifestFile = options.manifestFile;
    this.previousFile = `${options.manifestFile}.previous`;
    this.previous = options.manifest?.files ?? new Map();
    this.carried = options.manifest?.carried ?? new Map();
    this.incremental = this.previous.size > 0;
  }

  /**
   * `live`: OUT_DIR. `manifestFile`: the cache's record of its live release, trusted only
   * while OUT_DIR points to the release it names (or, before releases, is a folder and the
   * record names none) and that release holds a sample of its files (holdsSample).
   */
  static async open(options: {
    store: ObjectStore;
    staging: string;
    live: string;
    manifestFile: string;
  }): Promise<SiteOutput> {
    const live = await liveSite(options.live);
    const manifest = await readManifest(options.manifestFile);
    const trusted =
      live.dir !== undefined &&
      (live.release ? manifest.release === live.release : live.legacy && !manifest.release) &&
      holdsSample(live.dir, [...manifest.files.keys()]);
    return new SiteOutput({
      ...options,
      outDir: options.live,
      live,
      manifest: trusted ? manifest : undefined,
    });
  }

  /** The file's place in the staging folder. */
  stagedPath(file: SitePath): string {
    return inside(this.staging, file);
  }

  /**
   * Counts `file` into the new site. True if the live site has these bytes there already, so
   * the file is kept as it is.
   */
  private add(file: SitePath, hash: string): boolean {
    const before = this.previous.get(file);
    const kept = before === hash;
    if (!kept) this.changes.set(file, before !== undefined);
    this.previous.delete(file);
    this.files.set(file, hash);
    return kept;
  }

  /**
   * Keeps the live site's file at `file` in the new site if it has these bytes; false if it
   * does not (then the caller makes the file).
   */
  keepLive(file: SitePath, hash: string): boolean {
    return this.previous.get(file) === hash && this.add(file, hash);
  }

  /** Adds data at `file` to the new site, through the object store. Returns its hash. */
  put(file: SitePath, data: string | Buffer): string {
    const hash = sha1(data);
    if (!this.add(file, hash)) this.store.put(this.stagedPath(file), data, hash);
    return hash;
  }

  /**
   * Adds data at `file` to the new site without keeping a copy in the object store: for files
   * as cheap to make again as to look up (the API's, which emitApi keeps only from the live
   * site), linking each into the store cost as much as writing it. Returns its hash.
   */
  write(file: SitePath, data: string): string {
    const hash = sha1(data);
    if (!this.add(file, hash)) this.store.write(this.stagedPath(file), data);
    return hash;
  }

  /** Adds the stored object `hash` at `file`; false if the store does not have it. */
  place(hash: string, file: SitePath): boolean {
    if (this.previous.get(file) !== hash && !this.store.place(hash, this.stagedPath(file)))
      return false;
    this.add(file, hash);
    return true;
  }

  /**
   * Records a file a prerendering thread put into staging through the store; a page rendered
   * again to the same bytes leaves the staging folder at once, so only changes move in.
   */
  record(file: SitePath, hash: string): void {
    if (this.add(file, hash)) rmSync(this.stagedPath(file));
  }

  /**
   * Every file of the new site so far with its hash, the files the stages wrote into staging
   * themselves (not through the store) hashed now; one the live site has byte for byte leaves
   * staging at once, as in record. For a last stage that makes files from the others' (the
   * compressed siblings, scripts/bundle/precompress.ts).
   */
  async siteFiles(): Promise<ReadonlyMap<SitePath, string>> {
    for (const file of await filesIn(this.staging)) {
      if (this.files.has(file)) continue;
      this.record(file, sha1(await readFile(this.stagedPath(file))));
    }
    return this.files;
  }

  /** Reads a file of the new site, staged or kept (see readSiteFile), as bytes. */
  readBytes(file: SitePath): Buffer {
    return readSiteBytes(this.staging, this.live, file);
  }

  /**
   * Makes the new site live: hashes the files the stages wrote themselves (not through the
   * store), so the manifest lists every file; writes the purge list; assembles the release (the
   * one before the live one rewritten, or staging with the kept files and old assets linked
   * in); records it and switches OUT_DIR to it.
   */
  async commit(): Promise<Committed> {
    const staged = await filesIn(this.staging);
    const inStaging = new Set(staged);
    let moved = 0;
    for (const file of staged) {
      // A file handed to the store is staged only when it changed. One a stage wrote itself
      // with the live file's bytes is the live file again (linked), not a new one: the same
      // inode and time for rsync, and no reload for a server watching it (_nginx.conf).
      if (this.files.has(file)) moved++;
      else if (!this.add(file, sha1(await readFile(this.stagedPath(file))))) moved++;
      else {
        await rm(this.stagedPath(file));
        inStaging.delete(file);
      }
    }
    const now = Date.now();
    const carried = await this.carryAssets(now);

    this.previous.delete(PURGE_FILE);
    const gone = [...this.previous.keys()];
    for (const file of gone) this.changes.set(file, true);
    const purge = purgeList(
      this.incremental ? this.changes : undefined,
      (file) => this.files.has(file) || this.previous.has(file),
    );
    await writeFile(this.stagedPath(PURGE_FILE), purgeFileText(purge));
    this.add(PURGE_FILE, sha1(purgeFileText(purge)));
    inStaging.add(PURGE_FILE);

    const liveNext = { ...this.liveNow, release: nextReleaseName(this.liveNow, now) };
    const release = path.join(await ensureReleasesDir(this.outDir), liveNext.release);
    const reuse = await this.reusable(now);
    let linked: number;
    if (reuse) {
      // Before any change: from here on no record names it, and a build killed meanwhile
      // leaves it as an unfinished build's folder, which the next build deletes.
      await rm(this.previousFile, { force: true });
      const work = path.join(releasesDir(this.outDir), `${STAGING_PREFIX}${reuse.name}`);
      await rename(reuse.folder, work);
      const wants = new Map(this.files);
      for (const [file, { hash }] of carried) wants.set(file, hash);
      const rewritten = await this.fromLive(
        rewriteRelease({
          folder: work,
          has: reuse.has,
          wants,
          source: (file) =>
            inStaging.has(file)
              ? { from: this.stagedPath(file), move: true }
              : { from: inside(this.live, file), move: false },
        }),
      );
      linked = rewritten.linked;
      // Staging (what the old release had already) goes as an unfinished build's folder.
      await rename(work, release);
    } else {
      const kept = [...this.files.keys()].filter((file) => !inStaging.has(file));
      await this.fromLive(linkAll(this.live, this.staging, kept));
      await linkAll(this.live, this.staging, [...carried.keys()]);
      linked = kept.length;
      await rename(this.staging, release);
    }

    // The live release's record becomes the record of the one before. Both recorded before
    // the switch, the new one under the release's name: a build killed in between leaves a
    // record that names no live release, and the next build makes the whole site.
    if (this.incremental) await rename(this.manifestFile, this.previousFile);
    else await rm(this.previousFile, { force: true });
    await writeManifest(this.manifestFile, {
      files: this.files,
      release: liveNext.release,
      carried,
    });
    // A folder at OUT_DIR (a build before releases) becomes the previous release.
    await switchLive(this.outDir, release);
    const previous = this.liveNow.release; // the one rolled back to, after a hand rollback
    const stale = await staleReleases(this.outDir, liveNext, { now, previous });
    return { moved, linked, deleted: gone.length, release, reused: reuse?.name, stale };
  }

  /**
   * The release before the live one and what it holds, if the next release can be made by
   * rewriting it (reusableRelease) and it has a sample of the files its record lists.
   */
  private async reusable(now: number) {
    // Read only now (0.3 s at 100,000 stories), not beside the stages' peak memory.
    if (!this.incremental) return undefined;
    const before = await readManifest(this.previousFile);
    const folder = await reusableRelease(this.outDir, this.liveNow, before.release, now);
    if (!folder || !before.release || !holdsSample(folder, [...before.files.keys()]))
      return undefined;
    const has = before.files;
    for (const [file, { hash }] of before.carried) has.set(file, hash);
    return { name: before.release, folder, has };
  }

  /**
   * Runs the linking of files from the live release: one it lacks though its record says it
   * has it (edited by hand) makes the next build make every file again.
   */
  private async fromLive<T>(linking: Promise<T>): Promise<T> {
    try {
      return await linking;
    } catch (error) {
      await rm(this.manifestFile, { force: true });
      throw new Error(
        `${path.relative(process.cwd(), this.outDir)} is not what the build cache says it is (${(error as Error).message}): build again`,
      );
    }
  }

  /**
   * The `/assets/` files of the live site that the new one no longer has, kept for
   * CARRY_ASSETS_MS after the first build without them (the previous one's always).
   */
  private async carryAssets(now: number): Promise<Manifest["carried"]> {
    const carried: Manifest["carried"] = new Map();
    if (this.liveNow.dir === undefined) return carried;
    if (this.incremental) {
      for (const [file, hash] of this.previous)
        if (file.startsWith("assets/")) carried.set(file, { hash, since: now });
      for (const [file, old] of this.carried)
        if (!this.files.has(file) && now - old.since < CARRY_ASSETS_MS) carried.set(file, old);
    } else {
      // No record: every asset of the live site is the previous build's.
      for (const file of await filesIn(path.join(this.live, "assets"))) {
        const asset = `assets/${file}`;
        if (this.files.has(asset)) continue;
        carried.set(asset, { hash: sha1(await readFile(inside(this.live, asset))), since: now });
      }
    }
    return carried;
  }
}
