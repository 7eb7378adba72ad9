import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * Whole builds for the slow tests (`npm run test:crash`): copies of the project, small data
 * folders, `npm run build` as CI runs it, and a built site's files with their hashes.
 */

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");

/** What a build reads of the project: appKey's sources and configuration (app-build.ts). */
const PROJECT_FILES = [
  "src",
  "scripts",
  "public",
  "index.html",
  "vite.config.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
];

/** A checkout of the project at a new path (its own .cache/ and dist/), sharing node_modules. */
export async function copyProject(parent?: string): Promise<string> {
  const dir = await mkdtemp(path.join(parent ?? tmpdir(), "dispatch-checkout-"));
  for (const entry of PROJECT_FILES)
    await cp(path.join(ROOT, entry), path.join(dir, entry), {
      recursive: true,
      // scripts/bench has packages of its own, which no build reads.
      filter: (source) => !source.split(path.sep).includes("node_modules"),
    });
  await symlink(await realpath(path.join(ROOT, "node_modules")), path.join(dir, "node_modules"));
  return dir;
}

/** A data folder of `stories` (ids) from the project's data/, with every image they show. */
export async function copyStories(stories: string[], parent?: string): Promise<string> {
  const dir = await mkdtemp(path.join(parent ?? tmpdir(), "dispatch-data-"));
  const data = path.join(ROOT, "data");
  await mkdir(path.join(dir, "stories"), { recursive: true });
  await cp(path.join(data, "topics.json"), path.join(dir, "topics.json"));
  for (const id of stories) {
    const file = `stories/${id}.json`;
    const text = await readFile(path.join(data, file), "utf8");
    await cp(path.join(data, file), path.join(dir, file));
    for (const [, src] of text.matchAll(/"src": "([^"]+)"/g))
      await cp(path.join(data, src as string), path.join(dir, src as string));
  }
  return dir;
}

export type BuildRun = { code: number; stdout: string; stderr: string };

/** `npm run build` in `project` with `env` (DATA_DIR, OUT_DIR, BUILD_CACHE_DIR...). */
export async function build(project: string, env: Record<string, string>): Promise<BuildRun> {
  // As a shell starts it: Vitest's NODE_ENV=test would make Vite build the app for tests.
  const { NODE_ENV: _test, ...shell } = process.env;
  try {
    const { stdout, stderr } = await run(
      path.join(project, "node_modules/.bin/tsx"),
      ["scripts/commands/build.ts"],
      { cwd: project, env: { ...shell, ...env }, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file of a built site (path with "/") and its SHA-256, sorted by path. */
export async function siteFiles(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  const hashes = new Map<string, string>();
  for (const file of files)
    hashes.set(
      file.split(path.sep).join("/"),
      createHash("sha256")
        .update(await readFile(path.join(dir, file)))
        .digest("hex"),
    );
  return hashes;
}
