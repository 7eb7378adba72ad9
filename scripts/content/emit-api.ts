import { setImmediate } from "node:timers/promises";
import { readIndex, sha1, writeIndex } from "../shared/build-cache.ts";
import type { SiteOutput } from "../shared/site-output.ts";
import { apiFiles } from "./emit.ts";
import type { Content } from "./load-content.ts";

/**
 * The build's API stage: every API file goes through the site output, and each file a
 * prerendered page shows is told to `onFile` with its hash (pages are keyed by them). A story's
 * own file (which takes reading the story's file again) and an archive page are made only if
 * the story files they show changed since the last build made them (or the code did: `code`).
 * (Archive pages are shown by the lite pages, scripts/lite.) Publishing one story into an archive of 100,000 then reads a dozen story files again, not
 * every one, and makes a few of the 20,000 archive pages.
 *
 * `indexFile` (one per output folder) records, for each such file, the hash of what it was made
 * of and the hash of what was made.
 */
export async function emitApi(
  content: Content,
  site: SiteOutput,
  options: {
    indexFile: string;
    code: string;
    /**
     * Told each file a prerendered page shows as soon as its hash is known, so prerendering
     * can start on the pages whose files are all there while the rest of the API is made.
     */
    onFile: (file: string, hash: string) => void;
  },
): Promise<void> {
  const last = await readIndex(options.indexFile);
  const reusable = last.get("code") === options.code;
  const made = new Map([["code", options.code]]);
  const madeFrom = new Map<string, string>();
  const shown = (file: string, hash: string) => options.onFile(file, hash);
  const reuse = (file: string, inputs: string) => {
    const key = sha1(inputs);
    const [lastKey, hash] = (reusable && last.get(file)?.split(" ")) || [];
    if (lastKey === key && hash && site.keepLive(file, hash)) {
      made.set(file, `${key} ${hash}`);
      shown(file, hash);
      return true;
    }
    madeFrom.set(file, key);
    return false;
  };
  let sinceTurn = 0;
  for (const [file, json] of apiFiles(content, reuse)) {
    // The writes are synchronous: without a turn of the event loop now and then, the end of
    // the app's build (its process's exit, an event) went unseen until the API was done, and
    // the prerendering threads that wait for it waited as long (15 s at 100,000 stories).
    if (++sinceTurn === 256) {
      sinceTurn = 0;
      await setImmediate();
    }
    const hash = site.write(file, json);
    shown(file, hash);
    const key = madeFrom.get(file);
    if (key !== undefined) {
      made.set(file, `${key} ${hash}`);
      madeFrom.delete(file);
    }
  }
  await writeIndex(options.indexFile, made);
}
