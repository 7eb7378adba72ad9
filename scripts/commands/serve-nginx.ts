// npm run serve:nginx: serves the build with nginx and the build's _nginx.conf
/**
 * `npm run serve:nginx`: serve a build (dist/, or $DIST_DIR) with Debian's nginx on
 * http://localhost:4173 (or $PORT), in the foreground, with the configuration the build
 * generated (`_nginx.conf`). nginx keeps its config, pid, logs and temporary files in a fresh
 * private folder (mkdtemp) of its own; Ctrl-C or SIGTERM stops it and removes the folder (kept
 * when nginx stops by itself, for its logs). Run as root, its workers run
 * as www-data, so a build that the web server's user cannot read fails here as it would on a
 * server (unless a folder above the build is closed to other users: then they run as root, and
 * it says so).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "../hosting/ensure-build.ts";
import { NGINX_CONFIG_FILE } from "../hosting/nginx-config.ts";
import { NGINX, startNginx } from "../hosting/nginx-process.ts";

const port = Number(process.env.PORT ?? 4173);
const root = path.resolve(process.env.DIST_DIR ?? "dist");

if (!existsSync(NGINX)) {
  console.error(
    `nginx not found at ${NGINX}: install it (apt-get install nginx) or set NGINX_PATH`,
  );
  process.exit(1);
}
ensureBuild(root, ["index.html", NGINX_CONFIG_FILE]);

const { process: nginx, dir, user, stop } = await startNginx({ root, port });
let stopping = false;
nginx.on("error", (error) => {
  console.error(`could not start ${NGINX}: ${error.message}`);
  process.exit(1);
});
nginx.on("exit", (code, signal) => {
  if (stopping) return;
  // Kept after a failure: the logs say why.
  console.error(`nginx stopped (${code ?? signal}); its logs are in ${dir}`);
  process.exit(code ?? 1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    // A fresh folder at each start: removed at a clean stop, or they would pile up.
    void stop().then(() => process.exit(0));
  });
}
console.log(
  `Dispatch is being served by nginx${user ? ` (workers as ${user})` : ""} from ${
    path.relative(process.cwd(), root) || "."
  }/ on http://localhost:${port}/ (config and logs in ${dir})`,
);
