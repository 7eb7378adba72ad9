import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * What the crash tests (`*.crash.test.ts`) share: a small content folder they change, a build
 * they can start, wait for or kill, and the live site's files with their hashes.
 */

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");

export type BuildEnv = { dataDir: string; outDir: string; cacheDir: string } & Record<
  string,
  string
>;

/**
 * A copy of the project's content in `dir` (64 stories: a build takes seconds once the app
 * and the photos are in the cache), and a cache inside the project (the build's rule) that
 * starts with the project's encoded photos, as encoding them is not what is tested.
 */
export async function smallSite(dir: string, name: string): Promise<BuildEnv> {
  const dataDir = path.join(dir, "data");
  await cp(path.join(ROOT, "data"), dataDir, { recursive: true });
  const cacheDir = path.join(ROOT, ".cache", `${name}-${process.pid}`);
  await cp(path.join(ROOT, ".cache", "images"), path.join(cacheDir, "images"), {
    recursive: true,
  }).catch(() => undefined);
  return { dataDir, outDir: path.join(dir, "dist"), cacheDir };
}

/** `npm run build` (without npm), in a process group of its own so it can be killed whole. */
export function startBuild({ dataDir, outDir, cacheDir, ...extra }: BuildEnv): {
  child: ChildProcess;
  done: Promise<{ code: number | null; output: string }>;
} {
  // Not Vitest's NODE_ENV=test, with which the app's build would emit development JSX.
  const { NODE_ENV: _, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", TSX, "scripts/commands/build.ts"], {
    cwd: ROOT,
    env: {
      ...inherited,
      ...extra,
      DATA_DIR: dataDir,
      OUT_DIR: outDir,
      BUILD_CACHE_DIR: cacheDir,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, output })),
  );
  return { child, done };
}

/** Builds, and fails with the build's output if it fails. Returns how long it took (ms). */
export async function build(env: BuildEnv): Promise<number> {
  const started = performance.now();
  const { code, output } = await startBuild(env).done;
  if (code !== 0) throw new Error(`the build failed (${code}):\n${output}`);
  return performance.now() - started;
}

/** SIGKILL to the build and every process of its group (the Pagefind and Vite children). */
export function killBuild(child: ChildProcess): void {
  try {
    process.kill(-(child.pid ?? 0), "SIGKILL");
  } catch {
    // It had finished.
  }
}

/** The site at `dir` (through the symlink): every file -> its SHA-1. */
export async function siteHashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(
      path.relative(dir, file).split(path.sep).join("/"),
      createHash("sha1")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return new Map([...hashes].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The files whose hash differs between two sites (or that one of them lacks). */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const files = new Set([...a.keys(), ...b.keys()]);
  return [...files].filter((file) => a.get(file) !== b.get(file)).sort();
}

/**
 * Two versions of the content: B publishes a story (the newest) and corrects another's
 * headline; A is the content as copied. Returns a function that writes either.
 */
export async function twoVersions(dataDir: string): Promise<(version: "A" | "B") => Promise<void>> {
  const stories = path.join(dataDir, "stories");
  const [first] = (await readdir(stories)).sort();
  const editedFile = path.join(stories, first ?? "");
  const original = await readFile(editedFile, "utf8");
  const story = JSON.parse(original) as Record<string, unknown>;
  const published = {
    ...story,
    id: "crash-test-published",
    headline: "A story published while builds are killed",
    publishedAt: "2030-01-01T00:00:00Z",
  };
  const publishedFile = path.join(stories, "crash-test-published.json");
  return async (version) => {
    if (version === "A") {
      await writeFile(editedFile, original);
      await rm(publishedFile, { force: true });
      return;
    }
    await writeFile(
      editedFile,
      JSON.stringify({ ...story, headline: `${String(story.headline)} (corrected)` }, null, 2),
    );
    await mkdir(stories, { recursive: true });
    await writeFile(publishedFile, JSON.stringify(published, null, 2));
  };
}
