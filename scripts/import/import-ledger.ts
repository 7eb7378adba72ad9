import { createHash, randomUUID } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * What the import wrote, so that a re-import knows whose a story file is: for each story id,
 * the feed it came from and a hash of the bytes written. A story whose file no longer has
 * those bytes was changed by an editor since; one from another feed is that feed's. Neither is
 * replaced without `--overwrite`. Kept at `<data>/.import-ledger.json`: the content loader
 * skips dot-names, so the ledger is never published.
 */

export type LedgerEntry = { feed: string; sha256: string };
export type Ledger = Map<string, LedgerEntry>;

export const LEDGER_FILE = ".import-ledger.json";

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export async function readLedger(dataDir: string): Promise<Ledger> {
  try {
    const json = JSON.parse(await readFile(path.join(dataDir, LEDGER_FILE), "utf8")) as Record<
      string,
      LedgerEntry
    >;
    return new Map(Object.entries(json));
  } catch {
    // No ledger yet (the first import) or an unreadable one: every existing file is then
    // treated as not the import's, which keeps it.
    return new Map();
  }
}

/**
 * Records `changes` in the ledger. The ledger is read again just before, so that another
 * import that finished meanwhile keeps its entries (the window left is the write itself).
 */
export async function writeLedger(dataDir: string, changes: Ledger): Promise<void> {
  const ledger = await readLedger(dataDir);
  for (const [id, entry] of changes) ledger.set(id, entry);
  const sorted = Object.fromEntries([...ledger].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeAtomically(path.join(dataDir, LEDGER_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}

/**
 * Writes under a dot-name beside the target and renames it into place. The temporary name is
 * unique to this write (not only to this process), so two writers never share one.
 */
export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, data, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export type WriteDecision =
  | { write: true; kind: "new" | "updated" }
  | { write: false; kind: "unchanged" }
  | { write: false; kind: "kept"; why: string };

/** Whether the story `json` from `feed` may replace the file's `existing` bytes. */
export function decide(
  existing: Buffer | undefined,
  json: string,
  entry: LedgerEntry | undefined,
  feed: string,
  overwrite: boolean,
): WriteDecision {
  if (!existing) return { write: true, kind: "new" };
  if (existing.toString("utf8") === json) return { write: false, kind: "unchanged" };
  if (overwrite) return { write: true, kind: "updated" };
  if (!entry) return { write: false, kind: "kept", why: "was not written by an import" };
  if (entry.feed !== feed)
    return { write: false, kind: "kept", why: `was imported from another feed (${entry.feed})` };
  if (entry.sha256 !== sha256(existing))
    return { write: false, kind: "kept", why: "was changed by an editor since it was imported" };
  return { write: true, kind: "updated" };
}
