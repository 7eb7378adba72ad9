import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readFile, rename, writeFile } from "node:fs/promises";
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

export class ObjectStore {
  readonly dir: string;
  /** Folders known to exist, so each is created once. */
  private readonly folders = new Map<string, Promise<unknown>>();

  constructor(cacheDir: string) {
    this.dir = path.join(cacheDir, "objects");
  }

  private objectPath(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  private folder(folder: string): Promise<unknown> {
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.folders.set(folder, made);
    }
    return made;
  }

  /** Puts the stored object `hash` at target; false if the store does not have it. */
  async place(hash: string, target: string): Promise<boolean> {
    await this.folder(path.dirname(target));
    try {
      await link(this.objectPath(hash), target);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return false;
      // Another file system (or one without hard links): a copy serves as well.
      if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") {
        await copyFile(this.objectPath(hash), target);
        return true;
      }
      throw error;
    }
  }

  /**
   * Puts data at target and keeps it in the store. Unless `fresh` says the content is new
   * (a page just rendered), a stored copy is linked instead of writing the file again.
   * Returns its hash.
   */
  async put(target: string, data: string | Buffer, fresh = false): Promise<string> {
    const hash = sha1(data);
    if (!fresh && (await this.place(hash, target))) return hash;
    await this.folder(path.dirname(target));
    await writeFile(target, data);
    // Linked into the store only once written in full, so the store never holds half a file.
    const object = this.objectPath(hash);
    await this.folder(path.dirname(object));
    await link(target, object).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return;
      if (error.code === "EXDEV" || error.code === "EPERM" || error.code === "EMLINK")
        return copyFile(target, object);
      throw error;
    });
    return hash;
  }
}

/** A JSON map kept in the cache (key -> value), read at start and written at the end. */
export async function readIndex(file: string): Promise<Map<string, string>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, "utf8")) as object));
  } catch {
    return new Map();
  }
}

export async function writeIndex(file: string, index: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, JSON.stringify(Object.fromEntries(index)));
  await rename(partial, file);
}
