/**
 * `npm run serve:nginx`: serve a build (dist/, or $DIST_DIR) with Debian's nginx on
 * http://localhost:4173 (or $PORT), in the foreground, with the configuration the build
 * generated (`_nginx.conf`). nginx keeps its config, pid, logs and temporary files in a folder
 * of its own; Ctrl-C or SIGTERM stops it. Run as root, its workers run as www-data, so a build
 * that the web server's user cannot read fails here as it would on a server (unless a folder
 * above the build is closed to other users: then they run as root, and it says so).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureBuild } from "./ensure-build.ts";
import {
  BROTLI_MODULE,
  BROTLI_STATIC_MODULE,
  NGINX_CONFIG_FILE,
  nginxMainConfig,
} from "./nginx-config.ts";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const WEB_SERVER_USER = "www-data";

const port = Number(process.env.PORT ?? 4173);
const root = path.resolve(process.env.DIST_DIR ?? "dist");

if (!existsSync(NGINX)) {
  console.error(
    `nginx not found at ${NGINX}: install it (apt-get install nginx) or set NGINX_PATH`,
  );
  process.exit(1);
}
ensureBuild(root, ["index.html", NGINX_CONFIG_FILE]);

const userExists = (name: string) =>
  readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .some((line) => line.startsWith(`${name}:`));
/**
 * The first folder above the site that other users cannot enter. The site itself is opened to
 * them by the build; the folders above it are the checkout's (a `mktemp -d` clone is 0700), and
 * no setting of the site's can fix those.
 */
function closedAncestor(folder: string): string | undefined {
  for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}
const closed = closedAncestor(root);
// As root, nginx would otherwise run its workers as `nobody`.
const asRoot = process.getuid?.() === 0;
if (closed && asRoot) {
  console.warn(
    `${closed} is closed to other users, so nginx's workers run as root, not ${WEB_SERVER_USER}. On a server, keep the site where the web server's user can reach it.`,
  );
}
const user = !asRoot
  ? undefined
  : closed
    ? "root"
    : userExists(WEB_SERVER_USER)
      ? WEB_SERVER_USER
      : undefined;

// One folder per port: two servers never share a pid file, and the logs stay after a stop.
const dir = path.join(tmpdir(), `dispatch-nginx-${port}`);
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
// The workers (www-data) must reach the temporary folders nginx makes in here.
await chmod(dir, 0o755);
const config = path.join(dir, "nginx.conf");
await writeFile(
  config,
  nginxMainConfig({
    root,
    port,
    dir,
    user,
    brotli: existsSync(BROTLI_MODULE),
    brotliStatic: existsSync(BROTLI_STATIC_MODULE),
  }),
);

const nginx = spawn(NGINX, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", config], {
  stdio: "inherit",
});
let stopping = false;
nginx.on("error", (error) => {
  console.error(`could not start ${NGINX}: ${error.message}`);
  process.exit(1);
});
nginx.on("exit", (code, signal) => {
  if (!stopping) console.error(`nginx stopped (${code ?? signal}); its logs are in ${dir}`);
  process.exit(stopping ? 0 : (code ?? 1));
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    // Fast shutdown: nginx closes its connections, removes its pid file and exits.
    nginx.kill("SIGTERM");
  });
}
console.log(
  `Dispatch is being served by nginx${user ? ` (workers as ${user})` : ""} from ${
    path.relative(process.cwd(), root) || "."
  }/ on http://localhost:${port}/ (config and logs in ${dir})`,
);
