import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, type Stats, statSync, unwatchFile, watchFile } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { basePathOfBuild } from "../shared/base-path.ts";
import {
  BROTLI_MODULE,
  BROTLI_STATIC_MODULE,
  NGINX_CONFIG_FILE,
  nginxMainConfig,
} from "./nginx-config.ts";

/**
 * Debian's nginx serving one build in the foreground with the build's `_nginx.conf`: for
 * `npm run serve:nginx`, behind the cache of `npm run serve:cdn`, and in `npm run bench:serve`.
 */

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const WEB_SERVER_USER = "www-data";

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

export type RunningNginx = {
  process: ChildProcess;
  /** Its own folder: nginx.conf, pid, logs and temporary files. */
  dir: string;
  /** The user its workers run as, when it is not this process's. */
  user?: string;
  /** Stops nginx (fast shutdown) and removes its folder, logs included. */
  stop: () => Promise<void>;
};

/**
 * Starts nginx on `host:port` for the site at `root` (used as given: a symlink is followed at
 * each request, never resolved here). Its files go into a fresh folder made by mkdtemp, which
 * no other user can list or write (a fixed name in /tmp could be made in advance by anyone).
 */
export async function startNginx(options: {
  root: string;
  port: number;
  host?: string;
  /** The folder to make nginx's in: the temporary folder unless given. */
  parent?: string;
}): Promise<RunningNginx> {
  const { root, port, host = "localhost", parent = tmpdir() } = options;
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
  // Port in the name, to tell the folders apart; mkdtemp makes it 0700.
  const dir = await mkdtemp(path.join(parent, `dispatch-nginx-${port}-`));
  // Workers of another user must pass through to the temporary folders nginx makes for them
  // in here (and own): enter, not list nor read.
  if (user && user !== "root") await chmod(dir, 0o711);
  // A build for a base path is served from a folder that holds it there: `site/mirror/news`,
  // a symlink to `root` (followed at each request, as `root` itself is).
  const base = basePathOfBuild(root);
  let documentRoot = root;
  if (base !== "/") {
    documentRoot = path.join(dir, "site");
    const link = path.join(documentRoot, ...base.split("/").filter(Boolean));
    await mkdir(path.dirname(link), { recursive: true, mode: 0o755 });
    await symlink(root, link);
  }
  const config = path.join(dir, "nginx.conf");
  await writeFile(
    config,
    nginxMainConfig({
      root,
      documentRoot,
      port,
      host,
      dir,
      user,
      brotli: existsSync(BROTLI_MODULE),
      brotliStatic: existsSync(BROTLI_STATIC_MODULE),
    }),
    { mode: 0o600 },
  );
  const child = spawn(NGINX, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", config], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  // nginx reads files through the site's path at each request, but _nginx.conf (the CSP's
  // hashes) only when it loads its configuration: when another release brings another one (a
  // symlink switched, or a rebuild in place), a graceful reload (SIGHUP: the old workers
  // finish their requests) takes it. stat follows the symlink, so a switch is seen. Only new
  // bytes reload: the file is written anew by every full build, and a reload closes the
  // clients' idle keep-alive connections, which a client sending on one at that moment sees as
  // an error (the publish-under-load test counted 50 in 13 million requests).
  const siteConfig = path.join(root, NGINX_CONFIG_FILE);
  const read = () => (existsSync(siteConfig) ? readFileSync(siteConfig, "utf8") : "");
  let loaded = read();
  const onChange = (current: Stats, previous: Stats) => {
    const changed = current.ino !== previous.ino || current.mtimeMs !== previous.mtimeMs;
    if (!changed || current.nlink === 0 || child.exitCode !== null) return;
    const now = read();
    if (now === loaded) return;
    loaded = now;
    child.kill("SIGHUP");
  };
  watchFile(siteConfig, { interval: 250, persistent: false }, onChange);
  child.on("exit", () => unwatchFile(siteConfig, onChange));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // Fast shutdown: nginx closes its connections, removes its pid file and exits.
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  return { process: child, dir, user, stop };
}
