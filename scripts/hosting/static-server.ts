import { type FileHandle, open, readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { constants, createBrotliCompress, createGzip } from "node:zlib";
import { normalizeBasePath, prefixBasePath, stripBasePath } from "../../src/shared/base-path.ts";
import { BASE_PATH_FILE } from "../shared/base-path.ts";
import { DEFAULT_CACHE_CONTROL, pathPattern } from "../shared/headers.ts";
import { BROTLI_SUFFIX, COMPRESSIBLE, CONTENT_TYPES, GZIP_SUFFIX } from "../shared/media-types.ts";
import { isHostFile, requestPath } from "./request-path.ts";

/**
 * Serves a build the way static hosts do: `/stories/<id>` answers with `stories/<id>.html`, an
 * unknown path with `404.html` and status 404, a trailing slash redirects to the bare path
 * (all decided on the decoded, normalised path: scripts/hosting/request-path.ts), text is
 * compressed (the build's precompressed sibling `<file>.br` or `<file>.gz` by Accept-Encoding,
 * as nginx's brotli_static and gzip_static send them; a file without one is compressed on the
 * fly, brotli at quality 5 as nginx does), and the headers of the build's `_headers` file (CSP,
 * caching) go with every response, redirects and errors included. A build made for a base path
 * (its `_base-path.txt`, scripts/shared/base-path.ts) is served under it: `/` redirects there,
 * anything else outside it is not found.
 */

/** Quality 5, nginx's setting here too: smaller than gzip and about as fast. */
const BROTLI_ON_THE_FLY = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

type HeaderRule = { pattern: RegExp; headers: [string, string][] };

function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: pathPattern(line.trim()), headers: [] });
      continue;
    }
    const colon = line.indexOf(":");
    const rule = rules.at(-1);
    if (rule && colon > 0)
      rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The encodings a request accepts (q above 0), br first: the smaller of the two. */
export function acceptedEncodings(header: string | undefined): ("br" | "gzip")[] {
  const quality = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.split(";").map((item) => item.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    quality.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const accepts = (name: string) => (quality.get(name) ?? quality.get("*") ?? 0) > 0;
  return (["br", "gzip"] as const).filter(accepts);
}

/** The precompressed sibling of a file for each encoding, as the build writes it. */
const SIBLING_SUFFIX = { br: BROTLI_SUFFIX, gzip: GZIP_SUFFIX } as const;

/** Opens a file if it is a regular file; undefined if there is none (or it is not a file). */
async function openFile(file: string): Promise<FileHandle | undefined> {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    if (["ENOENT", "ENOTDIR", "EISDIR", "ENAMETOOLONG"].includes(error.code ?? ""))
      return undefined;
    throw error;
  });
  if (!handle || (await handle.stat()).isFile()) return handle;
  await handle.close();
  return undefined;
}

/**
 * `root` is used as given, never resolved once: when it is a symlink that a publish replaces,
 * each request follows it to the release it names at that moment.
 */
export async function createStaticServer(root: string): Promise<Server> {
  // A rebuild changes the CSP hashes and a running server must follow, but reading and parsing
  // the file on every request is waste: parse again only when the file changes (another inode
  // when a release switch brings another file, another mtime when it is rewritten in place).
  // The base path is read the same way: a release switch may bring a build for another one.
  const headersPath = path.join(root, "_headers");
  const basePath = path.join(root, BASE_PATH_FILE);
  let cached: { version: string; rules: HeaderRule[]; base: string } = {
    version: "",
    rules: [],
    base: "/",
  };
  const version = (file: string) =>
    stat(file).then(
      (info) => `${info.ino}:${info.mtimeMs}:${info.size}`,
      () => "none",
    );
  const readText = (file: string) => readFile(file, "utf8").catch(() => "");
  const siteRules = async (): Promise<typeof cached> => {
    const now = `${await version(headersPath)}/${await version(basePath)}`;
    if (now !== cached.version) {
      cached = {
        version: now,
        rules: parseHeadersFile(await readText(headersPath)),
        base: normalizeBasePath(await readText(basePath)),
      };
    }
    return cached;
  };
  /** The headers of a response: every rule that matches the normalised path, in order. */
  const headersOf = (urlPath: string, status: number, rules: HeaderRule[]) => {
    const headers: Record<string, string> = { "cache-control": DEFAULT_CACHE_CONTROL };
    for (const rule of rules) {
      if (!rule.pattern.test(urlPath)) continue;
      for (const [name, value] of rule.headers) {
        // The 404 page for a missing /assets/ file must not be kept for a year.
        if (status === 200 || name.toLowerCase() !== "cache-control")
          headers[name.toLowerCase()] = value;
      }
    }
    return headers;
  };

  /** The file that answers a path of the site: the file itself, else `<path>.html`. */
  async function resolve(segments: string[]): Promise<{ file: string; handle: FileHandle } | null> {
    if (isHostFile(segments)) return null;
    const base = path.join(root, ...segments);
    for (const file of segments.length === 0
      ? [path.join(root, "index.html")]
      : [base, `${base}.html`]) {
      const handle = await openFile(file);
      if (handle) return { file, handle };
    }
    return null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { rules, base } = await siteRules();
    // Decided on the decoded, normalised path, as nginx does ("/mirror/news/../news/x" is
    // "/mirror/news/x"), then the base is taken off.
    const target = requestPath(request.url ?? "/", base);
    const bare = base.slice(0, -1);
    const query = (request.url ?? "").indexOf("?");
    const search =
      query < 0 ? "" : new URL((request.url ?? "").slice(query), "http://localhost/").search;
    let sitePath: string | undefined;
    let redirect: [status: number, location: string] | undefined;
    if (target.kind === "redirect") {
      const location = target.location.split("?")[0] ?? "";
      // The base with its slash is the front page, not a trailing slash to take off.
      if (base !== "/" && location === bare) sitePath = "/";
      else if (stripBasePath(base, location) !== undefined) redirect = [301, target.location];
    } else if (target.kind === "path") {
      // Under a base, its bare folder leads to the front page, as does the origin's root
      // (302: the origin's root may be another site's one day); nothing else outside it is.
      if (base !== "/" && target.path === bare) redirect = [301, `${base}${search}`];
      else if (base !== "/" && target.path === "/") redirect = [302, base];
      else sitePath = stripBasePath(base, target.path);
    }
    // Header rules name paths under the base, as the browser asks for them.
    const headersFor = (status: number) =>
      headersOf(prefixBasePath(base, sitePath ?? "/"), status, rules);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headersFor(405), allow: "GET, HEAD" }).end();
      return;
    }
    if (redirect) {
      response.writeHead(redirect[0], { ...headersFor(redirect[0]), location: redirect[1] });
      response.end();
      return;
    }
    const segments = sitePath?.split("/").filter(Boolean);
    // A folder page (request-path.ts's FOLDER_PAGES) is its folder's index.html.
    if (segments && segments.length > 0 && sitePath?.endsWith("/")) segments.push("index.html");
    const found = (segments && (await resolve(segments))) || undefined;
    const status = found ? 200 : 404;
    const page = found ?? {
      file: path.join(root, "404.html"),
      handle: await open(path.join(root, "404.html")),
    };
    const extension = path.extname(page.file);
    const headers: Record<string, string> = {
      ...headersFor(status),
      "content-type": CONTENT_TYPES[extension] ?? "application/octet-stream",
    };
    let body = page.handle;
    let encoding: "br" | "gzip" | undefined;
    let compress: "br" | "gzip" | undefined;
    if (COMPRESSIBLE.has(extension)) {
      headers.vary = "accept-encoding";
      const accepted = acceptedEncodings(request.headers["accept-encoding"]);
      // The build's sibling, made once per content by the build; compressing here is the
      // fallback for a file that has none.
      for (const candidate of accepted) {
        const sibling = await openFile(`${page.file}${SIBLING_SUFFIX[candidate]}`);
        if (!sibling) continue;
        await body.close();
        body = sibling;
        encoding = candidate;
        break;
      }
      compress = encoding ? undefined : accepted[0];
      encoding ??= compress;
    }
    if (encoding) headers["content-encoding"] = encoding;
    if (!compress) headers["content-length"] = String((await body.stat()).size);
    response.writeHead(status, headers);
    if (request.method === "HEAD") {
      await body.close();
      response.end();
      return;
    }
    const source = body.createReadStream();
    if (compress === "br")
      return pipeline(source, createBrotliCompress(BROTLI_ON_THE_FLY), response);
    await (compress === "gzip"
      ? pipeline(source, createGzip(), response)
      : pipeline(source, response));
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy(error instanceof Error ? error : undefined);
        return;
      }
      // The security headers of the last rules read: an error page is a page too.
      const headers = headersOf(prefixBasePath(cached.base, "/"), 500, cached.rules);
      response.writeHead(500, { ...headers, "content-type": "text/plain; charset=utf-8" });
      response.end("Internal error");
    });
  });
}
