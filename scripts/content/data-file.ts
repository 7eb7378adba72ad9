import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";
import path from "node:path";

/**
 * What the build may read from the data folder: regular files inside it. Reading a FIFO waits
 * for a writer forever, a device (/dev/urandom) never ends, and a symbolic link may lead to any
 * file on the machine, which the build would then publish. Each is refused by name instead.
 */

function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** The data folder as its links resolve, which every file read from it must be inside. */
export function dataRoot(dataDir: string): string {
  try {
    return realpathSync.native(dataDir);
  } catch {
    return path.resolve(dataDir);
  }
}

/**
 * Why `file` cannot be read as data, or undefined if it can (or is missing: its reader says
 * so). `expected`: what it should be, for the message ("a JSON file", "an image file").
 */
export function dataFileProblem(root: string, file: string, expected: string): string | undefined {
  let info: Stats;
  try {
    info = lstatSync(file);
  } catch {
    return undefined;
  }
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return `is a symbolic link to nothing; expected ${expected}`;
  }
  if (real !== root && !real.startsWith(root + path.sep))
    return `leads out of the data folder (a symbolic link); expected ${expected} inside it`;
  if (info.isSymbolicLink()) info = statSync(real);
  return info.isFile() ? undefined : `is ${kindOf(info)}, not a regular file; expected ${expected}`;
}
