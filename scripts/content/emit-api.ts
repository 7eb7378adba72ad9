import type { SiteOutput } from "../hosting/site-output.ts";
import { readIndex, sha1, writeIndex } from "./build-cache.ts";
import { apiFiles } from "./emit.ts";
import type { Content } from "./load-content.ts";

/**
 * The build's API stage: every API file goes through the site output, and the hash of each
 * file a prerendered page shows is returned (pages are keyed by them). A story's own file
 * (which takes reading the story's file again) and an archive page are made only if the story
 * files they show changed since the last build made them (or the code did: `code`). Publishing
 * one story into an archive of 100,000 then reads a dozen story files again, not every one, and
 * makes a few of the 20,000 archive pages.
 *
 * `indexFile` (one per output folder) records, for each such file, the hash of what it was made
 * of and the hash of what was made.
 */
export async function emitApi(
  content: Content,
  site: SiteOutput,
  options: { indexFile: string; code: string },
): Promise<Map<string, string>> {
  const last = await readIndex(options.indexFile);
  const reusable = last.get("code") === options.code;
  const made = new Map([["code", options.code]]);
  const madeFrom = new Map<string, string>();
  const apiHashes = new Map<string, string>();
  const reuse = (file: string, inputs: string) => {
    const key = sha1(inputs);
    const [lastKey, hash] = (reusable && last.get(file)?.split(" ")) || [];
    if (lastKey === key && hash && site.keepLive(file, hash)) {
      made.set(file, `${key} ${hash}`);
      if (!file.startsWith("archive/")) apiHashes.set(file, hash);
      return true;
    }
    madeFrom.set(file, key);
    return false;
  };
  for (const [file, json] of apiFiles(content, reuse)) {
    const hash = site.write(file, json);
    // Archive pages are shown by no prerendered page.
    if (!file.startsWith("archive/")) apiHashes.set(file, hash);
    const key = madeFrom.get(file);
    if (key !== undefined) {
      made.set(file, `${key} ${hash}`);
      madeFrom.delete(file);
    }
  }
  await writeIndex(options.indexFile, made);
  return apiHashes;
}
