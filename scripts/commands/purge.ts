// npm run purge: sends the build's purge list, _purge.txt, to the cache at $CACHE_URL
/**
 * `npm run purge`: sends the build's purge list (`_purge.txt` at the root of dist/, or
 * $DIST_DIR) to the cache at $CACHE_URL (default http://127.0.0.1:$PORT, where
 * `npm run serve:cdn` listens): a PURGE per path in the list's order, a BAN for `/*`. The
 * cache's VCL takes them from this machine only. A build for a base path is purged under it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PURGE_LIST_FILE, purge, purgeRequests } from "../hosting/purge-list.ts";
import { basePathOfBuild } from "../shared/base-path.ts";

const root = path.resolve(process.env.DIST_DIR ?? "dist");
const cacheUrl = process.env.CACHE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4173}`;
const file = path.join(root, PURGE_LIST_FILE);
try {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `${file}: ${error.code === "ENOENT" ? "no purge list (build first)" : error.message}`,
    );
  });
  const { sent, failed } = await purge(cacheUrl, purgeRequests(text, file, basePathOfBuild(root)));
  for (const line of failed) console.error(`purge: ${line}`);
  console.log(`purge: ${sent - failed.length} of ${sent} sent to ${cacheUrl} from ${file}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`purge: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
