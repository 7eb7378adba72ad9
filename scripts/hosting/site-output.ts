import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { type ObjectStore, readIndex, sha1, writeIndex } from "../content/build-cache.ts";

/**
 * Where a build's files go, and how they reach the live site (dist/).
 *
 * A build writes into a staging folder, and the live site changes only once every stage has
 * succeeded, so a failed build leaves it as it was. The manifest of the last build (every
 * file of the live site with its hash, kept in the build cache) says what the live site holds:
 * a file whose hash has not changed is neither written nor linked into staging, so publishing
 * one story into an archive of 100,000 stages a few dozen files, not 300,000 links. At the
 * end the staged files move into the live site one by one (each by rename: a reader never
 * gets half a file), and the files the new site no longer has are deleted.
 *
 * With no manifest (a first build, a deleted cache, a live site that is gone, or a publish
 * that stopped while moving files in) nothing is taken as already there: the staging folder
 * receives the whole site and replaces the live one in a single rename.
 */

/** The path of a file inside the site, with forward slashes: `stories/x.html`. */
type SitePath = string;

const toSitePath = (relative: string): SitePath => relative.split(path.sep).join("/");

/**
 * Moved in last, in this order: a page goes live after what it loads (new scripts, styles, API
 * files), and the service worker and the hosts' rules after the pages they describe.
 */
function commitRank(file: SitePath): number {
  if (file === "sw.js" || file.startsWith("_")) return 2;
  return file.endsWith(".html") ? 1 : 0;
}

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
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => toSitePath(path.relative(dir, path.join(entry.parentPath, entry.name))));
}

export class SiteOutput {
  readonly staging: string;
  readonly live: string;
  private readonly store: ObjectStore;
  private readonly manifestFile: string;
  /**
   * The live site's files not yet seen in this build: what is left of it at the end are the
   * files the new site no longer has.
   */
  private readonly previous: Map<SitePath, string>;
  /** The new site's files handed to the store (put, placed, or kept as they are live). */
  private readonly files = new Map<SitePath, string>();
  /** Whether the live site is changed file by file (there is a manifest) or replaced whole. */
  readonly inPlace: boolean;

  private constructor(options: {
    store: ObjectStore;
    staging: string;
    live: string;
    manifestFile: string;
    previous: Map<SitePath, string>;
  }) {
    this.store = options.store;
    this.staging = options.staging;
    this.live = options.live;
    this.manifestFile = options.manifestFile;
    this.previous = options.previous;
    this.inPlace = options.previous.size > 0;
  }

  /**
   * `manifestFile`: the cache's record of the live site `live` (one per output folder). It is
   * trusted only while the live folder exists.
   */
  static async open(options: {
    store: ObjectStore;
    staging: string;
    live: string;
    manifestFile: string;
  }): Promise<SiteOutput> {
    const previous = existsSync(options.live) ? await readIndex(options.manifestFile) : new Map();
    return new SiteOutput({ ...options, previous });
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
    const kept = this.previous.get(file) === hash;
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
   * Makes the staging folder the live site. Files the stages wrote themselves (not through the
   * store) are hashed here, so the manifest lists every file. Returns how many files moved in
   * and how many were deleted (in place) or the old site's folder (replaced whole), which the
   * caller deletes.
   */
  async commit(): Promise<{ moved: number; deleted: number; replaced?: string }> {
    const staged = await filesIn(this.staging);
    const changed: SitePath[] = [];
    for (const file of staged) {
      if (!this.files.has(file)) {
        if (this.add(file, sha1(await readFile(this.stagedPath(file))))) continue;
      }
      changed.push(file);
    }
    if (!this.inPlace) {
      const replaced = await this.replaceWhole();
      await writeIndex(this.manifestFile, this.files);
      return { moved: staged.length, deleted: 0, replaced };
    }
    // Until the new manifest is written, the live site is neither the old one nor the new: a
    // build that stops in between finds no manifest and replaces the site whole.
    await rm(this.manifestFile, { force: true });
    const liveFile = (file: SitePath) => inside(this.live, file);
    const folders = new Set<string>();
    for (const file of changed.sort((a, b) => commitRank(a) - commitRank(b))) {
      const folder = path.dirname(liveFile(file));
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      await rename(this.stagedPath(file), liveFile(file));
    }
    const gone = [...this.previous.keys()];
    for (const file of gone) await rm(liveFile(file), { force: true });
    // A folder left empty (a removed search shard's) goes with its last file, and so on up.
    const emptied = new Set(gone.map((file) => path.dirname(liveFile(file))));
    for (let folder of [...emptied].sort((a, b) => b.length - a.length)) {
      while (folder.startsWith(this.live + path.sep)) {
        const removed = await rmdir(folder).then(
          () => true,
          () => false,
        );
        if (!removed) break;
        folder = path.dirname(folder);
      }
    }
    await rm(this.staging, { recursive: true, force: true });
    await writeIndex(this.manifestFile, this.files);
    return { moved: changed.length, deleted: gone.length };
  }

  /** Renames staging to the live folder; returns where the old site went, if there was one. */
  private async replaceWhole(): Promise<string | undefined> {
    const aside = `${this.staging}-old`;
    const moved = await rename(this.live, aside).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        return false;
      },
    );
    await rename(this.staging, this.live);
    return moved ? aside : undefined;
  }
}
