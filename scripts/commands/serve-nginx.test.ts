import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../hosting/free-port.ts";
import {
  BROTLI_MODULE,
  BROTLI_STATIC_MODULE,
  NGINX_CONFIG_FILE,
  nginxSiteConfig,
} from "../hosting/nginx-config.ts";
import {
  ESCAPED_SEPARATOR_TARGETS,
  onThisSite,
  printedDir,
  rawGet,
  TRAILING_SLASH_REDIRECTS,
  waitUntilServing,
} from "../hosting/raw-request.ts";
import {
  cacheControlFor,
  DEFAULT_CACHE_CONTROL,
  headersFile,
  securityHeaders,
} from "../shared/headers.ts";

/**
 * `npm run serve:nginx` with Debian's nginx on a small site with the configuration the build
 * generates: what a reader's browser and a CDN see, and a clean stop.
 */

const HASHES = { scripts: ["'sha256-c2NyaXB0'"], styles: ["'sha256-c3R5bGU='"] };
const SCRIPT = `export const text = ${JSON.stringify("A story worth compressing. ".repeat(40))};\n`;
const PRECOMPRESSED_TEXT = "the build's quality-11 sibling";

describe("npm run serve:nginx", () => {
  /** The site's folder: a symlink to a release, as deploy tools switch them. */
  let root: string;
  let releases: string;
  let port: number;
  let server: ChildProcess;
  let nginxDir: string;

  beforeAll(async () => {
    // Made by mkdtemp as the build's staging folder is: 0700 until the build opens it up.
    releases = await mkdtemp(path.join(tmpdir(), "dispatch-nginx-site-"));
    await chmod(releases, 0o755);
    root = path.join(releases, "dist");
    const release = path.join(releases, "release-1");
    const files: Record<string, string | Buffer> = {
      "index.html": "home",
      "404.html": "not found",
      "topics/iran.html": "iran",
      // The build's siblings; other text in each, to tell them from compressing on the fly.
      "topics/iran.html.br": brotliCompressSync("iran, br"),
      "topics/iran.html.gz": gzipSync("iran, gz"),
      "api/topics.json.gz": gzipSync("[], gz"),
      "_purge.txt": "/\n",
      "assets/app-Dx81kQ.js": SCRIPT,
      // The build's quality-11 sibling; other text here, to tell it from compressing on the fly.
      "assets/app-Dx81kQ.js.br": brotliCompressSync(PRECOMPRESSED_TEXT),
      "api/topics.json": "[]",
      "images/harbour-320.jpg": "jpeg",
      _headers: headersFile(HASHES),
      [NGINX_CONFIG_FILE]: nginxSiteConfig(HASHES),
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(release, file)), { recursive: true });
      await writeFile(path.join(release, file), text);
    }
    await symlink("release-1", root);
    port = await freePort();
    server = spawn(process.execPath, ["--import", "tsx", "scripts/commands/serve-nginx.ts"], {
      env: { ...process.env, PORT: String(port), DIST_DIR: root },
      stdio: ["ignore", "pipe", "inherit"],
    });
    nginxDir = await printedDir(server);
    await waitUntilServing(port, server);
  }, 20_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill("SIGKILL");
    await rm(releases, { recursive: true, force: true });
    await rm(nginxDir, { recursive: true, force: true });
  });

  it("serves pretty URLs, and 404.html with status 404 for what is not a page", async () => {
    const body = async (target: string) => {
      const response = await rawGet(port, target);
      return [response.status, response.body.toString()];
    };
    expect(await body("/")).toEqual([200, "home"]);
    expect(await body("/topics/iran")).toEqual([200, "iran"]);
    expect(await body("/topics/iran.html")).toEqual([200, "iran"]);
    for (const missing of [
      "/topics",
      "/no/such/page",
      "/_headers",
      `/${NGINX_CONFIG_FILE}`,
      "/_purge.txt",
      // Above the root: nginx's own 400 would be a bare page without the site's way home.
      "/topics/..%2F..%2F..%2Fetc%2Fpasswd",
      "/..//evil.example/",
    ])
      expect(await body(missing), missing).toEqual([404, "not found"]);
  });

  it("sends the security headers with every response and Cache-Control by the rules", async () => {
    const security = securityHeaders(HASHES);
    for (const [target, status, cacheControl] of [
      ["/", 200, cacheControlFor("/")],
      ["/topics/iran", 200, DEFAULT_CACHE_CONTROL],
      ["/assets/app-Dx81kQ.js", 200, cacheControlFor("/assets/app-Dx81kQ.js")],
      ["/api/topics.json", 200, cacheControlFor("/api/topics.json")],
      ["/images/harbour-320.jpg", 200, cacheControlFor("/images/harbour-320.jpg")],
      // A missing hashed file answers 404.html, which must not be kept for a year.
      ["/assets/app-missing.js", 404, DEFAULT_CACHE_CONTROL],
      ["/no/such/page", 404, DEFAULT_CACHE_CONTROL],
      ["/topics/iran/", 301, DEFAULT_CACHE_CONTROL],
    ] as const) {
      const { status: got, headers } = await rawGet(port, target);
      expect(got, target).toBe(status);
      for (const [name, value] of security) expect(headers[name.toLowerCase()], target).toBe(value);
      expect(headers["cache-control"], target).toBe(cacheControl);
    }
    expect(cacheControlFor("/assets/app-Dx81kQ.js")).toContain("immutable");
  });

  it("labels files as npm start does", async () => {
    const type = async (target: string) => (await rawGet(port, target)).headers["content-type"];
    expect(await type("/")).toBe("text/html; charset=utf-8");
    expect(await type("/assets/app-Dx81kQ.js")).toBe("text/javascript; charset=utf-8");
    expect(await type("/api/topics.json")).toBe("application/json; charset=utf-8");
    expect(await type("/images/harbour-320.jpg")).toBe("image/jpeg");
  });

  it.each(TRAILING_SLASH_REDIRECTS)("redirects %j to %j on the same site", async (target, to) => {
    const { status, headers } = await rawGet(port, target);
    expect(status).toBe(301);
    expect(headers.location).toBe(to);
  });

  it.each(ESCAPED_SEPARATOR_TARGETS)("redirects %j on the same site", async (target) => {
    const { status, headers } = await rawGet(port, target);
    expect(status).toBe(301);
    expect(onThisSite(headers.location), headers.location).toBe(true);
  });

  it("never writes a request's line breaks into a header", async () => {
    const { headers } = await rawGet(port, "/a%0D%0ASet-Cookie:%20taken=1/");
    expect(headers["set-cookie"]).toBeUndefined();
  });

  it("compresses text with brotli when Debian's module is installed, else gzip", async () => {
    const brotli = existsSync(BROTLI_MODULE);
    const encoding = async (accept: string) =>
      (await rawGet(port, "/assets/app-Dx81kQ.js", { "accept-encoding": accept })).headers;
    expect((await encoding("gzip"))["content-encoding"]).toBe("gzip");
    expect((await encoding("gzip, br"))["content-encoding"]).toBe(brotli ? "br" : "gzip");
    expect((await encoding("gzip, br")).vary).toBe("Accept-Encoding");
    expect((await encoding("identity"))["content-encoding"]).toBeUndefined();
  });

  it("sends the build's precompressed sibling when Debian's brotli_static module is installed", async () => {
    const response = await rawGet(port, "/assets/app-Dx81kQ.js", { "accept-encoding": "br" });
    const body = existsSync(BROTLI_MODULE) ? brotliDecompressSync(response.body).toString() : "";
    if (existsSync(BROTLI_STATIC_MODULE)) expect(body).toBe(PRECOMPRESSED_TEXT);
    else if (existsSync(BROTLI_MODULE)) expect(body).toBe(SCRIPT);
    else expect(response.headers["content-encoding"]).toBeUndefined();
  });

  // Fails on f2421b8: the folder was $TMPDIR/dispatch-nginx-<port>, 0755, its config 0644.
  it("keeps its config, pid and logs in a fresh private folder; a worker per core, as www-data when root", async () => {
    expect(path.basename(nginxDir)).toMatch(new RegExp(`^dispatch-nginx-${port}-\\w{6}$`));
    expect((await stat(nginxDir)).mode & 0o066).toBe(0);
    expect((await stat(path.join(nginxDir, "nginx.conf"))).mode & 0o077).toBe(0);
    const pid = Number(readFileSync(path.join(nginxDir, "nginx.pid"), "utf8"));
    const config = readFileSync(path.join(nginxDir, "nginx.conf"), "utf8");
    expect(config).toContain("daemon off;");
    expect(config).not.toMatch(/\/etc\/nginx|\/var\/run|\/run\//);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(" ");
    expect(children).toHaveLength(availableParallelism());
    const workerUid = readFileSync(`/proc/${children[0]}/status`, "utf8").match(/^Uid:\s+(\d+)/m);
    const www = readFileSync("/etc/passwd", "utf8").match(/^www-data:x:(\d+):/m)?.[1];
    const expected = process.getuid?.() === 0 && www ? www : String(process.getuid?.());
    expect(workerUid?.[1]).toBe(expected);
  });

  // Fails on f2421b8: no gzip_static (the .gz was ignored, the page gzipped again per request).
  it("sends the build's .br and .gz siblings as they are, with the file's own headers", async () => {
    const page = async (accept: string) =>
      rawGet(port, "/topics/iran", { "accept-encoding": accept });
    const gz = await page("gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe("iran, gz");
    expect(gz.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(gz.headers.vary).toBe("Accept-Encoding");
    expect(gz.headers["content-security-policy"]).toBe(securityHeaders(HASHES)[0]?.[1]);
    const api = await rawGet(port, "/api/topics.json", { "accept-encoding": "gzip" });
    expect(gunzipSync(api.body).toString()).toBe("[], gz");
    if (existsSync(BROTLI_STATIC_MODULE)) {
      const br = await page("gzip, deflate, br");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.body).toString()).toBe("iran, br");
    }
  });

  it("follows the site's symlink to another release, and its CSP, with no reload by hand", async () => {
    const next = path.join(releases, "release-2");
    const hashes = { scripts: ["'sha256-bmV3'"], styles: HASHES.styles };
    await mkdir(next);
    await writeFile(path.join(next, "index.html"), "home, release 2");
    await writeFile(path.join(next, "404.html"), "not found");
    await writeFile(path.join(next, NGINX_CONFIG_FILE), nginxSiteConfig(hashes));
    await symlink("release-2", `${root}.next`);
    await rename(`${root}.next`, root);
    // Within open_file_cache_valid (1 s) and the config's check (0.25 s), and the reload's
    // time; polled for up to 10 s on a busy machine.
    const expected = ["home, release 2", securityHeaders(hashes)[0]?.[1]];
    let got: unknown[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await rawGet(port, "/");
      got = [response.body.toString(), response.headers["content-security-policy"]];
      if (got[0] === expected[0] && got[1] === expected[1]) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(got).toEqual(expected);
  }, 15_000);

  it("stops cleanly on SIGTERM: exit 0, its folder removed, the port free", async () => {
    const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(nginxDir)).toBe(false);
    await expect(rawGet(port, "/")).rejects.toThrow(/ECONNREFUSED/);
  });
});
