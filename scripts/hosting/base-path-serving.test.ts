import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_PATH_FILE } from "../shared/base-path.ts";
import { headersFile, IMMUTABLE, REVALIDATE, securityHeaders } from "../shared/headers.ts";
import { listen } from "../shared/listen.ts";
import { freePort } from "./free-port.ts";
import { NGINX_CONFIG_FILE, nginxSiteConfig } from "./nginx-config.ts";
import { NGINX } from "./nginx-process.ts";
import { printedDir, rawGet, waitUntilServing } from "./raw-request.ts";
import { createStaticServer } from "./static-server.ts";

/**
 * A build made for a base path (docs/hosting.md, Mirrors), served by `npm start` and by
 * `npm run serve:nginx` with nothing but the build: both read the base from its
 * `_base-path.txt` and answer the same, under the base and outside it.
 */

const BASE = "/mirror/news/";
const HASHES = { scripts: ["'sha256-c2NyaXB0'"], styles: ["'sha256-c3R5bGU='"] };

/** target -> status, body (404: the site's 404 page) or Location, Cache-Control. */
const EXPECTED: [target: string, status: number, bodyOrLocation: string, cache: string][] = [
  ["/mirror/news/", 200, "home", REVALIDATE],
  ["/mirror/news/?page=2", 200, "home", REVALIDATE],
  ["/mirror/news/topics/iran", 200, "iran", REVALIDATE],
  ["/mirror/news/assets/app-Dx81kQ.js", 200, "app", IMMUTABLE],
  ["/mirror/news/sw.js", 200, "worker", "no-cache"],
  // The reader who asks for the origin's root, or the base without its slash, is sent there.
  ["/", 302, BASE, REVALIDATE],
  ["/mirror/news", 301, BASE, REVALIDATE],
  ["/mirror/news/topics/iran/", 301, "/mirror/news/topics/iran", REVALIDATE],
  // The lite front page keeps its slash under the base too (request-path.ts's FOLDER_PAGES).
  ["/mirror/news/lite/", 200, "lite front", REVALIDATE],
  ["/mirror/news/lite", 301, "/mirror/news/lite/", REVALIDATE],
  // Nothing of the site outside the base, nor the host's files inside it.
  ["/topics/iran", 404, "not found", REVALIDATE],
  ["/index.html", 404, "not found", REVALIDATE],
  ["/assets/app-Dx81kQ.js", 404, "not found", REVALIDATE],
  ["/mirror/newsroom", 404, "not found", REVALIDATE],
  [`/mirror/news/${BASE_PATH_FILE}`, 404, "not found", REVALIDATE],
  ["/mirror/news/_headers", 404, "not found", REVALIDATE],
  ["/mirror/news/../news/topics/iran", 200, "iran", REVALIDATE],
  ["/mirror/news/..%2F..%2Fetc%2Fpasswd", 404, "not found", REVALIDATE],
];

describe("a build for a base path, served", () => {
  let root: string;
  const servers: { name: string; port: number; stop: () => Promise<void> }[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dispatch-base-path-"));
    await chmod(root, 0o755);
    const files: Record<string, string> = {
      "index.html": "home",
      "404.html": "not found",
      "topics/iran.html": "iran",
      "lite/index.html": "lite front",
      "assets/app-Dx81kQ.js": "app",
      "sw.js": "worker",
      [BASE_PATH_FILE]: `${BASE}\n`,
      _headers: headersFile(HASHES, BASE),
      [NGINX_CONFIG_FILE]: nginxSiteConfig(HASHES, BASE),
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true, mode: 0o755 });
      await writeFile(path.join(root, file), text, { mode: 0o644 });
    }
    const listening = await listen(await createStaticServer(root));
    servers.push({
      name: "npm start",
      port: Number(new URL(listening.origin).port),
      stop: listening.close,
    });
    if (!existsSync(NGINX)) return;
    const port = await freePort();
    const nginx: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/commands/serve-nginx.ts"],
      {
        env: { ...process.env, PORT: String(port), DIST_DIR: root },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const dir = await printedDir(nginx);
    await waitUntilServing(port, nginx);
    servers.push({
      name: "serve:nginx",
      port,
      stop: async () => {
        nginx.kill("SIGTERM");
        await new Promise((resolve) => nginx.once("exit", resolve));
        await rm(dir, { recursive: true, force: true });
      },
    });
  }, 20_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  it("nginx is here to compare with (apt-get install nginx)", () => {
    expect(servers.map((server) => server.name)).toEqual(["npm start", "serve:nginx"]);
  });

  it.each(EXPECTED)("%s -> %i %s", async (target, status, bodyOrLocation, cache) => {
    for (const server of servers) {
      const response = await rawGet(server.port, target);
      const where = `${server.name}: ${target}`;
      expect(response.status, where).toBe(status);
      if (status === 301 || status === 302)
        expect(response.headers.location, where).toBe(bodyOrLocation);
      else expect(response.body.toString(), where).toBe(bodyOrLocation);
      // The page's headers hold outside the base too (a 404 page is a page).
      for (const [name, value] of securityHeaders(HASHES))
        expect(response.headers[name.toLowerCase()], where).toBe(value);
      expect(response.headers["cache-control"], where).toBe(cache);
    }
  });
});
