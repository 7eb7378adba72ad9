import { lstat, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { sha1 } from "../content/build-cache.ts";
import {
  type BuildEnv,
  build,
  differences,
  killBuild,
  siteHashes,
  smallSite,
  startBuild,
  twoVersions,
} from "./crash-support.ts";
import { PURGE_FILE } from "./purge-paths.ts";

/**
 * Issue 24: a build killed (SIGKILL, with its child processes) at any moment leaves the live
 * site exactly as it was or exactly the new one, never a mix, and the next build completes it.
 * Builds alternate between two versions of the content (B publishes a story and corrects
 * another); each is killed after a random delay across a whole build's duration, a quarter of
 * them in its last fifth, where the release is assembled and switched.
 */

const KILLS = Number(process.env.CRASH_KILLS ?? 20);

let work: string;
let env: BuildEnv;
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(env.cacheDir, { recursive: true, force: true });
});

it(`leaves the old site or the new one after a build is killed at ${KILLS} random moments`, async () => {
  work = await mkdtemp(path.join(tmpdir(), "dispatch-killed-build-"));
  env = await smallSite(work, "killed-build");
  const write = await twoVersions(env.dataDir);
  // A, then B, then A: each site as a build from the other leaves it (the purge list says
  // what changed since the other), and how long a warm build takes.
  await write("A");
  await build(env);
  await write("B");
  await build(env);
  const sites = { B: await siteHashes(env.outDir), A: new Map<string, string>() };
  await write("A");
  // How long a build takes: the median of the builds so far, kept up to date as the machine's
  // load changes.
  const durations = [await build(env)];
  const duration = () =>
    [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] ?? 0;
  sites.A = await siteHashes(env.outDir);
  expect(differences(sites.A, sites.B)).toContain("stories/crash-test-published.html");

  let from: "A" | "B" = "A";
  let current = sites.A;
  const landed = { old: 0, new: 0, finished: 0 };
  for (let attempt = 0; landed.old + landed.new < KILLS && attempt < KILLS * 2; attempt++) {
    const to: "A" | "B" = from === "A" ? "B" : "A";
    await write(to);
    const late = attempt % 4 === 3;
    const delay = (late ? 0.8 + Math.random() * 0.3 : Math.random() * 1.05) * duration();
    const { child, done } = startBuild(env);
    const timer = setTimeout(() => killBuild(child), delay);
    const { code } = await done;
    clearTimeout(timer);
    const context = `attempt ${attempt + 1}: killed after ${Math.round(delay)} ms of a ~${Math.round(duration())} ms build (exit ${code})`;

    expect((await lstat(env.outDir)).isSymbolicLink(), context).toBe(true);
    const after = await siteHashes(env.outDir);
    const isOld = differences(after, current).length === 0;
    // The new site, with the purge list of a build from the old one, or "/*" when the
    // build before had no record to compare with.
    const isNew = differences(after, sites[to]).filter((file) => file !== PURGE_FILE).length === 0;
    expect(
      isOld || isNew,
      `${context}: neither site; differs from the old in ${differences(after, current).slice(0, 5).join(", ")} and from the new in ${differences(after, sites[to]).slice(0, 5).join(", ")}`,
    ).toBe(true);
    if (code === 0) landed.finished++;
    else landed[isOld ? "old" : "new"]++;

    // The next build completes it: the new site, file for file.
    durations.push(await build(env));
    current = await siteHashes(env.outDir);
    expect(
      differences(current, sites[to]).filter((file) => file !== PURGE_FILE),
      context,
    ).toEqual([]);
    // Its purge list: what changed since the old site, or everything (a record of a release
    // that never went live), or nothing when the killed build had already switched.
    const purge = await readFile(path.join(env.outDir, PURGE_FILE), "utf8");
    if (isOld) {
      const asBuilt = sha1(purge) === sites[to].get(PURGE_FILE);
      expect(asBuilt || purge === "/*\n", `${context}: ${purge}`).toBe(true);
    } else expect(purge, context).toBe("");
    from = to;
  }
  console.log(
    `killed ${landed.old + landed.new} builds: ${landed.old} left the old site, ${landed.new} the new one (${landed.finished} finished before their kill)`,
  );
  expect(landed.old + landed.new).toBe(KILLS);
  // Both outcomes happened, or the kills did not cover the build.
  expect(landed.old).toBeGreaterThan(0);
  expect(landed.new).toBeGreaterThan(0);
});
