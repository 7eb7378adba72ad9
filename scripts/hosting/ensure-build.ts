import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` and `npm run serve:nginx` serve a build and make one first when `root` lacks a
 * file they need (a build from before `_nginx.conf` existed has no nginx configuration).
 */
export function ensureBuild(root: string, needs: string[] = ["index.html"]): void {
  const missing = needs.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length === 0) return;
  console.log(`No ${missing.join(", ")} in ${root}: building first.`);
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/commands/build.ts"], {
    stdio: "inherit",
    env: { ...process.env, OUT_DIR: root },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
