import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../hosting/free-port.ts";
import { NGINX_CONFIG_FILE, nginxSiteConfig } from "../hosting/nginx-config.ts";
import { PURGE_LIST_FILE } from "../hosting/purge-list.ts";
import { printedDir, rawGet, rawRequest, waitUntilServing } from "../hosting/raw-request.ts";
import {
  cacheLifetimes,
  VARNISH_CONFIG_FILE,
  varnishSiteConfig,
} from "../hosting/varnish-config.ts";
import { headersFile, IMMUTABLE } from "../shared/headers.ts";

/**
 * `npm run serve:cdn` (Varnish in front of the project's nginx) and `npm run purge` on a small
 * site with the configuration the build generates: what is kept, what a publish and its purge
 * change at once, and the hit ratio under load (wrk).
 */

const HASHES = { scripts: ["'sha256-c2NyaXB0'"], styles: ["'sha256-c3R5bGU='"] };

/** A page and its build siblings, each with its own text (to tell which one was sent). */
const page = (text: string) => ({
  "": text,
  ".br": brotliCompressSync(`${text}, br`),
  ".gz": gzipSync(`${text}, gz`),
});

describe("npm run serve:cdn and npm run purge", () => {
  let root: string;
  let port: number;
  let server: ChildProcess;
  let dir: string;

  const writeSite = async (files: Record<string, string | Buffer>) => {
    for (const [file, data] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      // As a publish does: the new file renamed over the old one.
      await writeFile(path.join(root, `${file}.new`), data);
      await rename(path.join(root, `${file}.new`), path.join(root, file));
    }
  };
  const writePage = (file: string, text: string) =>
    writeSite(
      Object.fromEntries(
        Object.entries(page(text)).map(([suffix, data]) => [`${file}${suffix}`, data]),
      ),
    );
  const get = (target: string, accept = "gzip, deflate, br") =>
    rawGet(port, target, { "accept-encoding": accept });
  const purgeWith = (list: string) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/commands/purge.ts"], {
      env: { ...process.env, DIST_DIR: root, CACHE_URL: `http://localhost:${port}` },
      encoding: "utf8",
      input: "",
    });
    return { list, ...run };
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dispatch-cdn-site-"));
    await chmod(root, 0o755);
    await writeSite({
      "404.html": "not found",
      "assets/app-Dx81kQ.js": "export {};",
      _headers: headersFile(HASHES),
      [NGINX_CONFIG_FILE]: nginxSiteConfig(HASHES),
      [VARNISH_CONFIG_FILE]: varnishSiteConfig(),
    });
    await writePage("index.html", "home");
    await writePage("stories/a.html", "story a");
    await writePage("stories/b.html", "story b");
    port = await freePort();
    server = spawn(process.execPath, ["--import", "tsx", "scripts/commands/serve-cdn.ts"], {
      env: { ...process.env, PORT: String(port), DIST_DIR: root },
      stdio: ["ignore", "pipe", "ignore"],
    });
    dir = await printedDir(server);
    await waitUntilServing(port, server);
  }, 30_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill("SIGKILL");
    await rm(root, { recursive: true, force: true });
  });

  it("keeps a copy per encoding, the origin's sibling, with the origin's headers", async () => {
    const first = await get("/stories/a");
    const again = await get("/stories/a");
    expect([first.headers["x-cache"], again.headers["x-cache"]]).toEqual(["MISS", "HIT"]);
    expect(brotliDecompressSync(again.body).toString()).toBe("story a, br");
    expect(again.headers.vary).toBe("Accept-Encoding");
    expect(again.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    expect(again.headers["content-security-policy"]).toContain("default-src 'self'");
    // Another encoding is another copy; a browser's header is reduced to the one it gets.
    expect((await get("/stories/a", "gzip")).headers["x-cache"]).toBe("MISS");
    const gzip = await get("/stories/a", "gzip, deflate");
    expect([gzip.headers["x-cache"], gzip.headers["content-encoding"]]).toEqual(["HIT", "gzip"]);
    // And a request without the header (a crawler, wrk) gets the page itself, kept too.
    const plain = () => rawGet(port, "/stories/a");
    expect((await plain()).headers["x-cache"]).toBe("MISS");
    const kept = await plain();
    expect([kept.headers["x-cache"], kept.body.toString()]).toEqual(["HIT", "story a"]);
  });

  it("keeps no error: a page published after its 404 is found at once", async () => {
    expect((await get("/stories/c")).status).toBe(404);
    expect((await get("/stories/c")).headers["x-cache"]).toBe("MISS");
    await writePage("stories/c.html", "story c");
    expect((await get("/stories/c")).status).toBe(200);
  });

  it("after a publish and its purge, serves the new page at once; an untouched one is still a hit", async () => {
    await get("/stories/b");
    await get("/");
    await writePage("stories/a.html", "story a, updated");
    await writePage("index.html", "home, updated");
    await writeSite({ [PURGE_LIST_FILE]: "/stories/a\n/\n" });
    const purged = purgeWith("/stories/a, /");
    expect(purged.status, purged.stderr).toBe(0);
    expect(purged.stdout).toContain("2 of 2 sent");
    const updated = await get("/stories/a");
    expect(brotliDecompressSync(updated.body).toString()).toBe("story a, updated, br");
    expect(brotliDecompressSync((await get("/")).body).toString()).toBe("home, updated, br");
    expect((await get("/stories/b")).headers["x-cache"]).toBe("HIT");
  });

  it("answers 404 for the purge list and the host's files; BAN /* empties the cache", async () => {
    for (const target of [`/${PURGE_LIST_FILE}`, `/${VARNISH_CONFIG_FILE}`, "/_headers"])
      expect((await get(target)).status, target).toBe(404);
    await writeSite({ [PURGE_LIST_FILE]: "/*\n" });
    expect(purgeWith("/*").status).toBe(0);
    expect((await get("/stories/b")).headers["x-cache"]).toBe("MISS");
    // A PURGE of something that is not a path is refused, and says so.
    expect((await rawRequest(port, "PURGE", "/stories/*")).status).toBe(400);
  });

  it("keeps immutable files a year and serves 95 % or more of a load from the cache", async () => {
    expect(cacheLifetimes()).toContainEqual(
      expect.objectContaining({ cacheControl: IMMUTABLE, ttl: 31536000 }),
    );
    const wrk = spawnSync(
      "wrk",
      [
        "-t1",
        "-c10",
        "-d2s",
        "-H",
        "Accept-Encoding: gzip, br",
        `http://localhost:${port}/stories/b`,
      ],
      { encoding: "utf8" },
    );
    expect(wrk.status, wrk.stderr).toBe(0);
    expect(wrk.stdout).not.toMatch(/Non-2xx|Socket errors/);
    const stats = spawnSync("varnishstat", ["-n", path.join(dir, "varnish"), "-1", "-j"], {
      encoding: "utf8",
    });
    const counters = (JSON.parse(stats.stdout) as { counters: Record<string, { value: number }> })
      .counters;
    const hits = counters["MAIN.cache_hit"]?.value ?? 0;
    const misses = counters["MAIN.cache_miss"]?.value ?? 0;
    expect(hits).toBeGreaterThan(100);
    expect(hits / (hits + misses)).toBeGreaterThanOrEqual(0.95);
  });

  it("stops cleanly on SIGTERM: exit 0, its folder removed, the port free", async () => {
    const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(dir)).toBe(false);
    await expect(rawGet(port, "/")).rejects.toThrow(/ECONNREFUSED/);
  });
});
