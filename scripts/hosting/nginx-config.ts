import { prefixBasePath } from "../../src/shared/base-path.ts";
import {
  CACHE_RULES,
  type CspHashes,
  DEFAULT_CACHE_CONTROL,
  pathPattern,
  securityHeaders,
} from "../shared/headers.ts";
import { COMPRESSIBLE, CONTENT_TYPES } from "../shared/media-types.ts";
import { FOLDER_PAGES } from "./request-path.ts";

/**
 * The nginx configuration of a build, from the same tables as `_headers` and `npm start`: the
 * build writes it to `_nginx.conf` for a `server {}` block to include, and `npm run serve:nginx`
 * wraps it in a whole nginx.conf of its own.
 */

export const NGINX_CONFIG_FILE = "_nginx.conf";
/** How long nginx trusts a file it has open before checking its path again (see below). */
export const OPEN_FILE_CACHE_VALID_SECONDS = 1;

/** An nginx string in double quotes: the values are ours, but a quote would end it early. */
function quoted(value: string): string {
  if (/["\\\n\r$]/.test(value)) throw new Error(`nginx config: cannot quote ${value}`);
  return `"${value}"`;
}

/** A regular expression in double quotes (nginx keeps a backslash before any other character). */
function quotedRegex(source: string): string {
  // RegExp#source writes "/" as "\/"; nginx needs no such escape.
  const regex = source.replaceAll("\\/", "/");
  if (/["\n\r]|\\["'\\]/.test(regex)) throw new Error(`nginx config: cannot quote /${regex}/`);
  return `"${regex}"`;
}

const mimeType = (contentType: string) => contentType.split(";")[0]?.trim() ?? contentType;

/** MIME types worth compressing, from npm start's table (text/html is always compressed). */
export function compressibleTypes(): string[] {
  const types = Object.entries(CONTENT_TYPES)
    .filter(([extension]) => COMPRESSIBLE.has(extension))
    .map(([, type]) => mimeType(type))
    .filter((type) => type !== "text/html");
  return [...new Set(types)].sort();
}

/** The `types {}` block: npm start's table, so both servers label every file alike. */
function typesBlock(): string {
  const byType = new Map<string, string[]>();
  for (const [extension, type] of Object.entries(CONTENT_TYPES)) {
    const mime = mimeType(type);
    byType.set(mime, [...(byType.get(mime) ?? []), extension.slice(1)]);
  }
  const lines = [...byType].map(([mime, extensions]) => `  ${mime} ${extensions.join(" ")};`);
  return `types {\n${lines.join("\n")}\n}`;
}

const charsetTypes = () =>
  [
    ...new Set(
      Object.values(CONTENT_TYPES)
        .filter((type) => /charset=utf-8/i.test(type))
        .map(mimeType)
        .filter((type) => type !== "text/html"),
    ),
  ].sort();

/**
 * The locations of a build at the root of its origin: pretty URLs and the host's own files.
 */
const ROOT_LOCATIONS = `# A trailing slash redirects to the bare path, keeping the query. The path starts with one
# slash, never two nor a backslash, which browsers would read as another host ("//evil.example");
# nginx merges slashes and escapes the captured path again, so no header can be injected.
# Not a folder page (request-path.ts's FOLDER_PAGES), which keeps its slash: its bare path
# redirects to it instead.
rewrite ^[/\\x5C]++(?!${folderPagesPattern("")})(.*?)/+$ /$1 permanent;

location = / {
  try_files /index.html =404;
}
${folderPageLocations("/")}

# Pretty URLs: /stories/<id> is stories/<id>.html.
location / {
  try_files $uri $uri.html =404;
}

# The host's and the cache's own files (_headers, _nginx.conf, _varnish.vcl, _purge.txt: every
# root file named "_…", as npm start's isHostFile) are not pages.
location ~ "^/_[^/]*$" {
  return 404;
}`;

/** The folder pages (request-path.ts) as a regular expression after `prefix`, whole paths. */
function folderPagesPattern(prefix: string): string {
  return FOLDER_PAGES.map((page) => `${prefix}${page.slice(1).replaceAll(".", "\\.")}$`).join("|");
}

/** A folder page keeps its slash: its bare address redirects to it, the other way round. */
function folderPageLocations(base: string): string {
  return FOLDER_PAGES.map((page) => prefixBasePath(base, page))
    .map(
      (page) => `
location = ${page.slice(0, -1)} {
  return 301 ${page}$is_args$args;
}
location = ${page} {
  try_files ${page}index.html =404;
}`,
    )
    .join("\n");
}

/**
 * The same for a build under a base path (`/mirror/news/`, src/shared/base-path.ts): `root` is
 * the folder that holds it (the build is `<root>/mirror/news/`), nothing outside the base is
 * served, and `/` sends the reader to the base. The base holds only letters, digits and
 * "-._~/": "." is the one character to escape in a regular expression.
 */
function basePathLocations(base: string): string {
  const folder = base.slice(0, -1);
  const pattern = base.slice(1).replaceAll(".", "\\.");
  return `# A trailing slash under the base redirects to the bare path, keeping the query; the base
# itself is the front page. nginx merges slashes and escapes the captured path again, so no
# header can be injected.
rewrite ^[/\\x5C]++(?!${folderPagesPattern(pattern)})(${pattern}.+?)/+$ /$1 permanent;

location = ${folder} {
  return 301 ${base};
}

location = ${base} {
  try_files ${base}index.html =404;
}
${folderPageLocations(base)}

# Pretty URLs: ${base}stories/<id> is stories/<id>.html in the build.
location ${base} {
  try_files $uri $uri.html =404;
}

# Outside the base path: the reader asked for the front page, or for nothing of this site.
location = / {
  return 302 ${base};
}

location / {
  return 404;
}

# The host's and the cache's own files (_headers, _nginx.conf, _varnish.vcl, _purge.txt: every
# file named "_…" at the build's root, as npm start's isHostFile) are not pages.
location ~ "^/${pattern}_[^/]*$" {
  return 404;
}`;
}

/**
 * Server-level directives and locations; `root` and `listen` are the includer's. `base`: the
 * build's base path (\`/\` at the root of the origin).
 */
export function nginxSiteConfig(hashes: CspHashes, base = "/"): string {
  const headers = [...securityHeaders(hashes), ["Cache-Control", "$dispatch_cache_control"]];
  // Regex locations are tried in the order written and the first match wins: the table's
  // last rule first, so the last matching rule wins as in `npm start`.
  const cacheLocations = [...CACHE_RULES].reverse().map(
    (rule) => `# ${prefixBasePath(base, rule.path)}
location ~ ${quotedRegex(pathPattern(prefixBasePath(base, rule.path)).source)} {
  set $dispatch_cache_control ${quoted(rule.cacheControl)};
  try_files $uri $uri.html =404;
}`,
  );
  return `# Dispatch, generated by \`npm run build\` from scripts/shared/headers.ts: rebuild, do not edit.
${
  base === "/"
    ? `# Include it in a server {} block that sets listen, server_name and root (this folder):
#   server { listen 80; server_name news.example; root /srv/dispatch; include /srv/dispatch/${NGINX_CONFIG_FILE}; }`
    : `# Built for ${base}: include it in a server {} block whose root holds this folder at ${base}:
#   server { listen 80; server_name news.example; root /srv/www; include /srv/www${base}${NGINX_CONFIG_FILE}; }`
}
# The CSP below holds the hashes of this build's inline code: deploy it with the pages it came with.

server_tokens off;
# Redirects name a path, not a host: right behind a proxy or a CDN too.
absolute_redirect off;

${typesBlock()}
default_type application/octet-stream;
charset utf-8;
charset_types ${charsetTypes().join(" ")};

# Keeps the open file, its size and modification time (and its .br and .gz siblings') instead
# of opening and reading them for every request. A cached file is checked against its path
# again after open_file_cache_valid: ${OPEN_FILE_CACHE_VALID_SECONDS} s, so a publish (a file renamed over another, or the
# site's symlink renamed to another release) is served within a second, every server the
# same. A descriptor kept meanwhile still reads the old release's file, which stays on disk
# far longer than that (the publish deletes it later, and an open file outlives its name).
# Errors are not cached: a story published a moment after a 404 is found at once.
open_file_cache max=10000 inactive=60s;
open_file_cache_valid ${OPEN_FILE_CACHE_VALID_SECONDS}s;
# (npm run purge waits as long before purging, or the cache could fetch the old file again.)
open_file_cache_min_uses 1;

# The build writes <file>.gz (and <file>.br, for brotli_static) beside every text file: sent as
# they are, no compression per request. On the fly only for a file without one.
gzip_static on;
gzip on;
gzip_vary on;
gzip_comp_level 6;
gzip_min_length 256;
gzip_types ${compressibleTypes().join(" ")};

# A location with an add_header of its own would drop every one set here, so the headers are
# set once, here, with \`always\` (404s and redirects carry them too), and a location only
# changes the Cache-Control value through this variable.
set $dispatch_cache_control ${quoted(DEFAULT_CACHE_CONTROL)};
# A request nginx rejects before reading the rules (400) has no value: no Cache-Control, no warning.
uninitialized_variable_warn off;
${headers.map(([name, value]) => `add_header ${name} ${value?.startsWith("$") ? value : quoted(value ?? "")} always;`).join("\n")}

error_page 404 ${prefixBasePath(base, "/404.html")};
# nginx answers 400 to a path that climbs above the root ("/stories/..%2F..%2Fapi"); a reader
# who followed such a link gets the not-found page, as from npm start.
error_page 400 =404 ${prefixBasePath(base, "/404.html")};

${base === "/" ? ROOT_LOCATIONS : basePathLocations(base)}

${cacheLocations.join("\n\n")}
`;
}

/** Brotli, for an nginx with Debian's libnginx-mod-http-brotli-filter loaded. */
export function brotliDirectives(): string {
  return `brotli on;
brotli_comp_level 5;
brotli_min_length 256;
brotli_types ${compressibleTypes().join(" ")};`;
}

/** Debian's brotli module (libnginx-mod-http-brotli-filter), loaded when it is installed. */
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";
/**
 * Debian's libnginx-mod-http-brotli-static: sends the build's precompressed `<file>.br`
 * (quality 11, scripts/bundle/precompress.ts) instead of compressing at quality 5.
 */
export const BROTLI_STATIC_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

export type ServeOptions = {
  /** The build to serve: an absolute path to a folder with `_nginx.conf` in it. */
  root: string;
  /** nginx's `root`: the folder that holds the build at its base path (`root` at `/`). */
  documentRoot?: string;
  port: number;
  /** The address it listens on: localhost unless given. */
  host?: string;
  /** Where nginx keeps its pid, logs and temporary files: a folder of its own. */
  dir: string;
  /** The user the worker processes run as (only root can switch): the web server's user. */
  user?: string;
  brotli?: boolean;
  brotliStatic?: boolean;
};

/** A whole nginx.conf that serves one build in the foreground, touching nothing of /etc/nginx. */
export function nginxMainConfig(options: ServeOptions): string {
  const { root, documentRoot = root, port, host = "localhost", dir, user } = options;
  const { brotli, brotliStatic } = options;
  const at = (file: string) => quoted(`${dir}/${file}`);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
    (kind) => `  ${kind}_temp_path ${at(`${kind}-temp`)};`,
  );
  return `# \`npm run serve:nginx\`: written at each start; the site's rules are in ${root}/${NGINX_CONFIG_FILE}.
${brotli ? `load_module ${quoted(BROTLI_MODULE)};\n` : ""}${brotliStatic ? `load_module ${quoted(BROTLI_STATIC_MODULE)};\n` : ""}daemon off;
${user ? `user ${user};\n` : ""}# Every core: one worker compressing pages was the whole site's ceiling (ISSUE-25.md).
worker_processes auto;
pid ${at("nginx.pid")};
error_log ${at("error.log")} warn;
error_log stderr warn;

events {
  worker_connections 1024;
}

http {
  # Written in blocks, not a write per request.
  access_log ${at("access.log")} combined buffer=64k flush=1s;
${temp.join("\n")}
  sendfile on;
  tcp_nopush on;
${
  brotli
    ? `${brotliDirectives()
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n")}\n`
    : ""
}${brotliStatic ? "  # The build's <file>.br, sent as it is.\n  brotli_static on;\n" : ""}
  server {
    listen ${host}:${port};
    server_name localhost;
    root ${quoted(documentRoot)};
    include ${quoted(`${root}/${NGINX_CONFIG_FILE}`)};
  }
}
`;
}
