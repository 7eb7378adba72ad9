import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizeBasePath } from "../../src/shared/base-path.ts";

/**
 * The build's side of the base path (src/shared/base-path.ts): read from `BASE_PATH` when
 * building, and written into the build as `_base-path.txt` so that `npm start` and
 * `npm run serve:nginx` serve a build under its base with no variable to repeat. A build at
 * the root writes no such file (its output stays what it was before base paths existed).
 */
export const BASE_PATH_FILE = "_base-path.txt";

/** The base path a build is made for: `BASE_PATH`, normalised (`/` when unset). */
export function basePathFromEnv(env: NodeJS.ProcessEnv): string {
  return normalizeBasePath(env.BASE_PATH);
}

/** The base path the build in `siteDir` was made for (`/` when it wrote no base-path file). */
export function basePathOfBuild(siteDir: string): string {
  let text: string;
  try {
    text = readFileSync(path.join(siteDir, BASE_PATH_FILE), "utf8");
  } catch {
    return "/";
  }
  try {
    return normalizeBasePath(text);
  } catch (error) {
    throw new Error(`${path.join(siteDir, BASE_PATH_FILE)}: ${(error as Error).message}`);
  }
}
