import { setTimeout as sleep } from "node:timers/promises";
import { prefixBasePath } from "../../src/shared/base-path.ts";
import { OPEN_FILE_CACHE_VALID_SECONDS } from "./nginx-config.ts";

/**
 * The purge list the build writes at the site's root, `_purge.txt`: one URL path a line, in
 * the order to purge, pages as readers request them (`/`, `/stories/<id>`, no `.html`), API
 * files as they are; the line `/*` alone means everything. Sent as PURGE (BAN for `/*`)
 * requests to Varnish (`_varnish.vcl`); the same list feeds Fastly's and Cloudflare's purge
 * APIs (README, "Hosting and deploying").
 */

/** The purge list, at the site's root: one URL path a line, in the order to purge. */
export const PURGE_LIST_FILE = "_purge.txt";

export type PurgeRequest = { method: "PURGE" | "BAN"; path: string };

/**
 * The requests a purge list asks for; throws a one-line error naming a bad line. The list names
 * paths inside the site: a build for a base path (`base`, src/shared/base-path.ts) is cached
 * under it, so each path is purged there (`/*` is still everything).
 */
export function purgeRequests(text: string, file = PURGE_LIST_FILE, base = "/"): PurgeRequest[] {
  const requests: PurgeRequest[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "") continue;
    if (line === "/*") requests.push({ method: "BAN", path: line });
    else if (/^\/(?!\/)\S*$/.test(line) && !line.includes("*"))
      requests.push({ method: "PURGE", path: prefixBasePath(base, line) });
    else
      throw new Error(
        `${file}, line ${index + 1}: ${JSON.stringify(line.slice(0, 80))} is not a URL path (one "/…" without spaces a line, or "/*" alone for everything)`,
      );
  }
  return requests;
}

/** Sends each request in order; the paths the cache refused, with its status. */
export async function purge(
  cacheUrl: string,
  requests: PurgeRequest[],
): Promise<{ sent: number; failed: string[] }> {
  // nginx may serve a file it has open for open_file_cache_valid after a publish replaced it:
  // a purge sent sooner could have the cache fetch, and keep, the old bytes again.
  await sleep(OPEN_FILE_CACHE_VALID_SECONDS * 1000 + 200);
  const failed: string[] = [];
  for (const request of requests) {
    // Escaped as a browser sends it, so it names the copy readers' requests made.
    const url = new URL(request.path, cacheUrl);
    const response = await fetch(url, { method: request.method }).catch(
      (error: Error) => new Response(null, { status: 599, statusText: error.message }),
    );
    await response.body?.cancel();
    if (!response.ok)
      failed.push(`${request.method} ${request.path}: ${response.status} ${response.statusText}`);
  }
  return { sent: requests.length, failed };
}
