import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The content-addressed build cache in `.cache/` at the repository root (git-ignored, so
 * Tailwind never scans it, and outside node_modules, which `npm ci` deletes). Every file the
 * build emits is stored once under its SHA-1 and hard-linked into the site: a rebuild stores
 * only files whose bytes changed, and a file that did not change keeps its inode and
 * modification time in the new site, so a sync or upload sees only what publishing changed.
 * `.cache/` may be deleted at any time; the next build is simply a full one.
 */

export const CACHE_DIR = ".cache";

export const sha1 = (data: string | Buffer): string =>
  createHash("sha1").update(data).digest("hex");

/**
 * A name beside `file` that no other writer uses: the process id alone was shared by every
 * job of one build (two image jobs for identical bytes both wrote `<hash>.<pid>`, and one
 * rename found the other's file gone), and by every prerendering thread.
 */
export const temporaryPath = (file: string): string =>
  `${file}.${process.pid}-${randomBytes(6).toString("hex")}.partial`;

/**
 * Makes target with `make`, which fails with EEXIST if something is there already: that file
 * is unlinked first, never written through, since it may be a link to a stored object (or was
 * placed earlier in this build, from a cached set of files found incomplete).
 */
function replacing(target: string, make: () => void): void {
  try {
    make();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    unlinkSync(target);
    make();
  }
}

/**
 * The store's file operations are synchronous: a build does nothing else while it files its
 * output, and for small files Node's promise API costs more than the system calls themselves
 * (each open, stat, read, write and close is a round trip through the thread pool; in the
 * prerendering threads that bookkeeping took a fifth of the time).
 */
export class ObjectStore {
  readonly dir: string;
  /** Folders known to exist, so each is created once. */
  private readonly folders = new Set<string>();

  constructor(cacheDir: string) {
    this.dir = path.join(cacheDir, "objects");
  }

  private objectPath(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  private folder(folder: string): void {
    if (this.folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.folders.add(folder);
  }

  /** Puts the stored object `hash` at target; false if the store does not have it. */
  place(hash: string, target: string): boolean {
    this.folder(path.dirname(target));
    try {
      replacing(target, () => linkSync(this.objectPath(hash), target));
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return false;
      // Another file system (or one without hard links): a copy serves as well.
      if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") {
        copyFileSync(this.objectPath(hash), target);
        return true;
      }
      throw error;
    }
  }

  /**
   * Writes data at target, creating its folder once; a file already there is replaced, never
   * written through (it may be a link to a stored object).
   */
  write(target: string, data: string | Buffer): void {
    this.folder(path.dirname(target));
    replacing(target, () => writeFileSync(target, data, { flag: "wx" }));
  }

  /**
   * Writes data at target and keeps it in the store. The build puts only bytes new to the
   * site (what it has already it keeps or places), so the data is written, not looked for in
   * the store first. `hash`: the data's, if the caller has it already. Returns it.
   */
  put(target: string, data: string | Buffer, hash = sha1(data)): string {
    this.write(target, data);
    // Linked into the store only once written in full, so the store never holds half a file.
    const object = this.objectPath(hash);
    this.folder(path.dirname(object));
    try {
      linkSync(target, object);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") {
        // Copied under a name of its own and renamed: a thread placing the same object
        // meanwhile links a whole file or none.
        const partial = temporaryPath(object);
        copyFileSync(target, partial);
        renameSync(partial, object);
      } else if (code !== "EEXIST") throw error;
    }
    return hash;
  }
}

/**
 * A map kept in the cache (key -> value), read at start and written at the end, one
 * `key<TAB>value` line per entry: at 100,000 stories the site's index has 325,000 entries,
 * which as a JSON object took 1 s to read and 0.7 s to write, and as lines 0.3 and 0.2 s.
 * Keys and values are paths, hashes and ids, which hold no tab or line break.
 */
export async function readIndex(file: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return index;
  }
  let at = 0;
  while (at < text.length) {
    const tab = text.indexOf("\t", at);
    const end = text.indexOf("\n", at);
    // A file cut short (the cache may be deleted or damaged at any time) counts as no index.
    if (tab === -1 || end === -1 || tab > end) return new Map();
    index.set(text.slice(at, tab), text.slice(tab + 1, end));
    at = end + 1;
  }
  return index;
}

export async function writeIndex(file: string, index: ReadonlyMap<string, string>): Promise<void> {
  const lines: string[] = [];
  for (const [key, value] of index) lines.push(`${key}\t${value}\n`);
  const text = lines.join("");
  // One tab and one line break per entry, or one of them holds a tab or line break.
  let tabs = 0;
  let breaks = 0;
  for (let at = text.indexOf("\t"); at !== -1; at = text.indexOf("\t", at + 1)) tabs++;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) breaks++;
  if (tabs !== index.size || breaks !== index.size)
    throw new Error(`build cache: ${file}: a key or value holds a tab or line break`);
  await mkdir(path.dirname(file), { recursive: true });
  const partial = temporaryPath(file);
  await writeFile(partial, text);
  await rename(partial, file);
}

/** The file of the cache's index `kind` for a data or output folder (one per folder). */
export const indexPath = (cacheDir: string, kind: string, folder: string): string =>
  path.join(cacheDir, `${kind}-${sha1(path.resolve(folder)).slice(0, 12)}.tsv`);
