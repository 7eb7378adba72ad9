import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, copyProject, copyStories, siteFiles } from "./build-harness.ts";
import { PURGE_FILE } from "./shared/purge-paths.ts";

/** The purge list of a build with no live site to compare with: purge everything. */
const EVERYTHING = "/*\n";

/**
 * The same site, byte for byte, from every state a newsroom's CI or a new user starts a build
 * in: each build's files and their hashes against a cold build's. A few stories of data/ with
 * their images keep each build to seconds (the two with a cold cache also run Vite).
 */

const STORIES = [
  "a-year-in-the-orchard-lane-garden",
  "backing-up-your-photos-3-2-1",
  "brindlecombe-library-reopens",
];

describe("a build gives the same site from every starting state", () => {
  let work: string;
  let project: string;
  let data: string;
  let cold: Record<string, string>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "dispatch-build-states-"));
    project = await copyProject(work);
    data = await copyStories(STORIES, work);
  });
  const cleanUp: string[] = [];
  afterAll(async () => {
    for (const dir of [work, ...cleanUp]) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Builds `data` in `checkout` and returns the files of its output folder. The purge list is
   * what must differ: it says what changed since the live site, everything (`/*`) when there
   * was none to compare with, so it is checked apart (`purges`) and left out of the site.
   */
  async function site(
    checkout: string,
    env: Record<string, string> = {},
    purges = EVERYTHING,
    warning?: string,
  ) {
    const run = await build(checkout, { DATA_DIR: data, ...env });
    expect(run.stderr).not.toContain("    at ");
    if (warning) expect(run.stderr).toContain(warning);
    expect(run.code, run.stderr).toBe(0);
    const outDir = path.resolve(checkout, env.OUT_DIR ?? "dist");
    expect(await readFile(path.join(outDir, PURGE_FILE), "utf8")).toBe(purges);
    const files = await siteFiles(outDir);
    files.delete(PURGE_FILE);
    return Object.fromEntries(files);
  }

  it("from a cold cache, into no output folder", async () => {
    const warning =
      "warning: SITE_URL is not set: canonical links, feeds and sitemaps name http://localhost:4173";
    cold = await site(project, {}, EVERYTHING, warning);
    expect(Object.keys(cold)).toEqual(
      expect.arrayContaining(["index.html", "404.html", "sw.js", `stories/${STORIES[0]}.html`]),
    );
  });

  it("from a warm cache, into a deleted output folder (rm -rf dist)", async () => {
    await rm(path.join(project, "dist"), { recursive: true });
    expect(await site(project)).toEqual(cold);
  });

  it("from a warm cache, into an empty output folder (CI restoring .cache/)", async () => {
    await rm(path.join(project, "dist"), { recursive: true });
    await mkdir(path.join(project, "dist"));
    expect(await site(project)).toEqual(cold);
  });

  it("from a warm cache, into the live site it built (nothing changed)", async () => {
    expect(await site(project, {}, "")).toEqual(cold);
  });

  it("from a warm cache, into another OUT_DIR, inside the project or anywhere", async () => {
    expect(await site(project, { OUT_DIR: "dist-other" })).toEqual(cold);
    expect(await site(project, { OUT_DIR: path.join(work, "site-elsewhere") })).toEqual(cold);
  });

  it("from a cache restored into a checkout at another path", async () => {
    const checkout = await copyProject(work);
    await cp(path.join(project, ".cache"), path.join(checkout, ".cache"), { recursive: true });
    expect(await site(checkout)).toEqual(cold);
  });

  it("with BUILD_CACHE_DIR outside the project, cold and then warm", async () => {
    // On another file system where there is one (tmpfs): the store then copies, not links.
    const shm = existsSync("/dev/shm") ? await mkdtemp("/dev/shm/dispatch-build-states-") : work;
    cleanUp.push(shm);
    const cacheDir = path.join(shm, "caches", "dispatch");
    expect(await site(project, { BUILD_CACHE_DIR: cacheDir, OUT_DIR: "dist-cached" })).toEqual(
      cold,
    );
    await rm(path.join(project, "dist-cached"), { recursive: true });
    expect(await site(project, { BUILD_CACHE_DIR: cacheDir, OUT_DIR: "dist-cached" })).toEqual(
      cold,
    );
  });
});
