import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { constants, createBrotliCompress, createGzip } from "node:zlib";
import { BROTLI_SUFFIX, PRECOMPRESSED } from "./bundle/precompress.ts";
import { DEFAULT_CACHE_CONTROL, HOST_FILES, pathPattern } from "./prerender/headers.ts";

/**
 * Serves a build the way static hosts do: `/stories/<id>` answers with `stories/<id>.html`, an
 * unknown path with `404.html` and status 404, a trailing slash redirects to the bare path,
 * text is compressed (brotli where the browser takes it: the build's precompressed sibling if
 * there is one, else quality 5 as nginx does; gzip otherwise), and the headers come from the
 * build's `_headers` file (CSP, caching).
 */

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};
export const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".css",
  ".json",
  ".webmanifest",
  ".svg",
  ".txt",
  ".xml",
]);
const HOST_FILE_NAMES = new Set<string>(HOST_FILES);
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

export type Listening = { origin: string; close: () => Promise<void> };

/** Starts a server on `port` (0: any free port) and resolves once it accepts connections. */
export async function listen(server: Server, port = 0, host = "localhost"): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

export async function createStaticServer(root: string): Promise<Server> {
  // A rebuild changes the CSP hashes and a running server must follow, but reading and parsing
  // the file on every request is waste: parse again only when its modification time changes.
  const headersPath = path.join(root, "_headers");
  let cached: { mtimeMs: number; rules: HeaderRule[] } = { mtimeMs: Number.NaN, rules: [] };
  const headerRules = async (): Promise<HeaderRule[]> => {
    const mtimeMs = await stat(headersPath).then(
      (info) => info.mtimeMs,
      () => -1,
    );
    if (mtimeMs !== cached.mtimeMs) {
      const text = mtimeMs < 0 ? "" : await readFile(headersPath, "utf8").catch(() => "");
      cached = { mtimeMs, rules: parseHeadersFile(text) };
    }
    return cached.rules;
  };

  async function resolve(urlPath: string): Promise<{ file: string; status: number } | null> {
    const clean = path.posix.normalize(urlPath);
    if (clean.includes("\0") || clean.startsWith("/..")) return null;
    const base = path.join(root, ...clean.split("/"));
    if (clean === "/") return { file: path.join(root, "index.html"), status: 200 };
    if (!clean.endsWith("/") && (await isFile(base)) && !HOST_FILE_NAMES.has(path.basename(base))) {
      return { file: base, status: 200 };
    }
    if (await isFile(`${base}.html`)) return { file: `${base}.html`, status: 200 };
    return null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    // The request target is a path: in "//evil.example/x" the first segment is empty, it does
    // not name a host (new URL(target, base) would read it as one).
    const url = new URL(`http://localhost/${(request.url ?? "/").replace(/^\/+/, "")}`);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = "/\0";
    }
    if (pathname.length > 1 && pathname.endsWith("/")) {
      // One leading slash, never two: "//evil.example" would send the browser to another site
      // (a path such as "/.//evil.example/" normalizes to one that starts with "//").
      const bare = `/${url.pathname.replace(/^\/+|\/+$/g, "")}`;
      response.writeHead(301, { location: `${bare}${url.search}` }).end();
      return;
    }
    const found = (await resolve(pathname)) ?? {
      file: path.join(root, "404.html"),
      status: 404,
    };
    const extension = path.extname(found.file);
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[extension] ?? "application/octet-stream",
      "cache-control": DEFAULT_CACHE_CONTROL,
      vary: "accept-encoding",
    };
    for (const rule of await headerRules()) {
      if (!rule.pattern.test(url.pathname)) continue;
      for (const [name, value] of rule.headers) {
        // The 404 page for a missing /assets/ file must not be kept for a year.
        if (found.status === 200 || name.toLowerCase() !== "cache-control")
          headers[name.toLowerCase()] = value;
      }
    }
    const accepted = String(request.headers["accept-encoding"] ?? "");
    const encoding = !COMPRESSIBLE.has(extension)
      ? undefined
      : /\bbr\b/.test(accepted)
        ? "br"
        : /\bgzip\b/.test(accepted)
          ? "gzip"
          : undefined;
    if (encoding) headers["content-encoding"] = encoding;
    // Only the build's scripts and styles have a sibling: no extra look-up for pages and JSON.
    const precompressed =
      encoding === "br" &&
      PRECOMPRESSED.has(extension) &&
      (await isFile(`${found.file}${BROTLI_SUFFIX}`))
        ? `${found.file}${BROTLI_SUFFIX}`
        : undefined;
    response.writeHead(found.status, headers);
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    if (precompressed) return pipeline(createReadStream(precompressed), response);
    const source = createReadStream(found.file);
    if (encoding === "br")
      return pipeline(source, createBrotliCompress(BROTLI_ON_THE_FLY), response);
    await (encoding === "gzip"
      ? pipeline(source, createGzip(), response)
      : pipeline(source, response));
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end("Internal error");
      else response.destroy(error instanceof Error ? error : undefined);
    });
  });
}
