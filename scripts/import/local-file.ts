import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import path from "node:path";

/**
 * Reading files named by a feed, which nobody here wrote: a feed can name `../private/x`, an
 * absolute path, a symlink out of its folder, a FIFO (which blocks a plain read forever) or
 * `/dev/urandom` (which never ends). Only regular files, read up to a limit, are read here.
 */

export type ReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: "not-a-regular-file" | "too-large" };

/**
 * A regular file's bytes, at most `maxBytes`. Opened without blocking and without following a
 * symlink, then checked on the open descriptor, so what is checked is what is read.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<ReadResult> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    return { ok: false, reason: "not-a-regular-file" };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: "not-a-regular-file" };
    if (info.size > maxBytes) return { ok: false, reason: "too-large" };
    // Read one byte past the limit: a file that grows while it is read is still refused.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return { ok: false, reason: "too-large" };
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}

const isInside = (folder: string, file: string) => {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
};

/**
 * The real path of `relative` if it names something inside `folder` once `..` and every
 * symlink are resolved; undefined otherwise, whether or not it exists, so a caller cannot
 * tell a missing file from one outside the folder.
 */
export async function fileInside(folder: string, relative: string): Promise<string | undefined> {
  if (path.isAbsolute(relative)) return undefined;
  try {
    const realFolder = await realpath(folder);
    const lexical = path.resolve(realFolder, relative);
    // Refused before the file system is asked anything about a path outside.
    if (!isInside(realFolder, lexical)) return undefined;
    const real = await realpath(lexical);
    return isInside(realFolder, real) ? real : undefined;
  } catch {
    return undefined;
  }
}
