// npm run serve:cdn: Varnish with the build's _varnish.vcl in front of that nginx
/**
 * `npm run serve:cdn`: what a CDN in front of the site does, run here. Varnish (Debian's
 * varnishd) listens on http://localhost:4173 (or $PORT) with the build's `_varnish.vcl`, in front
 * of the project's nginx (`_nginx.conf`) on a private port of 127.0.0.1, serving the build in
 * dist/ (or $DIST_DIR). In the foreground; Ctrl-C or SIGTERM stops both. Their config, pid,
 * logs and Varnish's work folder (`varnishd -n`, which varnishstat and varnishlog take) are in
 * one fresh mkdtemp folder, removed at a clean stop. `npm run purge` sends it the build's
 * purge list.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureBuild } from "../hosting/ensure-build.ts";
import { freePort } from "../hosting/free-port.ts";
import { NGINX_CONFIG_FILE } from "../hosting/nginx-config.ts";
import { NGINX, startNginx } from "../hosting/nginx-process.ts";
import { VARNISH_CONFIG_FILE, varnishMainConfig } from "../hosting/varnish-config.ts";

const VARNISHD = process.env.VARNISHD_PATH ?? "/usr/sbin/varnishd";
const port = Number(process.env.PORT ?? 4173);
const root = path.resolve(process.env.DIST_DIR ?? "dist");

for (const [program, install] of [
  [NGINX, "nginx"],
  [VARNISHD, "varnish"],
] as const) {
  if (!existsSync(program)) {
    console.error(`${program} not found: install it (apt-get install ${install})`);
    process.exit(1);
  }
}
ensureBuild(root, ["index.html", NGINX_CONFIG_FILE, VARNISH_CONFIG_FILE]);

const dir = await mkdtemp(path.join(tmpdir(), `dispatch-cdn-${port}-`));
// A port of 127.0.0.1 only: the origin is not for readers.
const originPort = await freePort("127.0.0.1");
const nginx = await startNginx({ root, port: originPort, host: "127.0.0.1", parent: dir });
// Others may pass through, not list: nginx's workers (www-data, when run as root) to their
// temporary folders, and varnishd, which reads its VCL as the user it switches to.
await chmod(dir, 0o711);
const vcl = path.join(dir, "main.vcl");
await writeFile(
  vcl,
  varnishMainConfig({ siteConfig: path.join(root, VARNISH_CONFIG_FILE), originPort }),
  { mode: 0o644 },
);
const workDir = path.join(dir, "varnish");
const varnish = spawn(
  VARNISHD,
  [
    "-F",
    ...["-n", workDir],
    ...["-a", `localhost:${port}`],
    ...["-f", vcl],
    ...["-P", path.join(dir, "varnishd.pid")],
    ...["-s", `malloc,${process.env.CACHE_SIZE ?? "256m"}`],
    // The origin sends br, gzip or plain by Accept-Encoding, from the build's siblings.
    ...["-p", "http_gzip_support=off"],
  ],
  { stdio: ["ignore", "ignore", "inherit"] },
);

let stopping = false;
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on("exit", () => resolve());
  });
async function stop(code: number): Promise<never> {
  stopping = true;
  if (varnish.exitCode === null) varnish.kill("SIGTERM");
  if (code !== 0 && nginx.process.exitCode === null) nginx.process.kill("SIGTERM");
  // nginx.stop() removes nginx's folder too: only at a clean stop.
  await Promise.all([exited(varnish), code === 0 ? nginx.stop() : exited(nginx.process)]);
  // Kept after a failure: the logs say why.
  if (code === 0) await rm(dir, { recursive: true, force: true });
  process.exit(code);
}
for (const [name, child] of [
  ["varnishd", varnish],
  ["nginx", nginx.process],
] as const) {
  child.on("error", (error) => {
    console.error(`could not start ${name}: ${error.message}`);
    void stop(1);
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${code ?? signal}); the logs are in ${dir}`);
    void stop(1);
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

console.log(
  `Dispatch is being served through Varnish on http://localhost:${port}/ from ${
    path.relative(process.cwd(), root) || "."
  }/ (nginx on 127.0.0.1:${originPort}; varnishstat -n ${workDir}; config and logs in ${dir})`,
);
