import { type FSWatcher, watch } from "node:fs";
import { lstat, mkdtemp, readFile, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sha1 } from "../shared/build-cache.ts";
import { PURGE_FILE } from "../shared/purge-paths.ts";
import { ensureReleasesDir, STAGING_PREFIX } from "../shared/releases.ts";
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

/**
 * Issue 24: a build killed (SIGKILL, with its child processes) at any moment leaves the live
 * site exactly as it was or exactly the new one, never a mix, and the next build completes it.
 * Builds alternate between two versions of the content (B publishes a story and corrects
 * another). Each build rewrites the release before the live one when it can, at once
 * (DISPATCH_REUSE_AFTER_MS=0: nobody reads the site here). Two kills in four come after a
 * random delay across a whole build's duration; one comes 0 to 10 ms after the build starts
 * rewriting the release before the live one (renamed as an unfinished build's; none when it
 * makes a new folder instead); one 0 to 30 ms after the build names its release (the rename
 * that ends assembling it, just before the switch), as a random delay would rarely land in
 * those few milliseconds. Two rounds of KILLS / 2, each within the crash runner's time limit.
 */

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const RELEASE = /^\d{8}T\d{9}Z$/;
const REWRITING = new RegExp(`^\\${STAGING_PREFIX}\\d{8}T\\d{9}Z$`);

let work: string;
let env: BuildEnv;
let write: (version: "A" | "B") => Promise<void>;
const sites = { A: new Map<string, string>(), B: new Map<string, string>() };
let current: Map<string, string>;
let from: "A" | "B" = "A";
/** How long a build takes: the median of the builds so far, as the machine's load changes. */
const durations: number[] = [];
const duration = () => [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] ?? 0;
const landed = { old: 0, new: 0, finished: 0, atSwitch: 0, rewriting: 0 };

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "dispatch-killed-build-"));
  env = { ...(await smallSite(work, "killed-build")), DISPATCH_REUSE_AFTER_MS: "0" };
  write = await twoVersions(env.dataDir);
  // A, then B, then A: each site as a build from the other leaves it (the purge list says
  // what changed since the other).
  await write("A");
  await build(env);
  await write("B");
  await build(env);
  sites.B = await siteHashes(env.outDir);
  await write("A");
  durations.push(await build(env));
  sites.A = await siteHashes(env.outDir);
  current = sites.A;
  expect(differences(sites.A, sites.B)).toContain("stories/crash-test-published.html");
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  if (env) await rm(env.cacheDir, { recursive: true, force: true });
});

/** One build towards the other version, killed; then the build that completes it. */
async function killOne(attempt: number): Promise<void> {
  const to: "A" | "B" = from === "A" ? "B" : "A";
  await write(to);
  const atSwitch = attempt % 4 === 3;
  const atRewrite = attempt % 4 === 1;
  const delay = atSwitch ? Math.random() * 30 : Math.random() * 1.05 * duration();
  const { child, done } = startBuild(env);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let rewriting = false;
  if (atRewrite) {
    watcher = watch(await ensureReleasesDir(env.outDir), (_event, name) => {
      if (!name || !REWRITING.test(name) || rewriting) return;
      rewriting = true;
      timer = setTimeout(() => killBuild(child), Math.random() * 10);
    });
  } else if (atSwitch) {
    // The new release's name sorts after the live one's (old ones are deleted meanwhile).
    const live = path.basename(await readlink(env.outDir));
    watcher = watch(await ensureReleasesDir(env.outDir), (_event, name) => {
      if (!name || !RELEASE.test(name) || name <= live || timer) return;
      timer = setTimeout(() => killBuild(child), delay);
    });
  } else timer = setTimeout(() => killBuild(child), delay);
  const { code } = await done;
  clearTimeout(timer);
  watcher?.close();
  const context = `attempt ${attempt + 1}: killed ${rewriting ? "0 to 10 ms after the release before the live one was taken to be rewritten" : atRewrite ? "never (no release to rewrite)" : `${Math.round(delay)} ms after ${atSwitch ? "the release was named" : `the start of a ~${Math.round(duration())} ms build`}`} (exit ${code})`;

  expect((await lstat(env.outDir)).isSymbolicLink(), context).toBe(true);
  const after = await siteHashes(env.outDir);
  const isOld = differences(after, current).length === 0;
  // The new site, with the purge list of a build from the old one, or "/*" when the build
  // before had no record to compare with.
  const isNew = differences(after, sites[to]).filter((file) => file !== PURGE_FILE).length === 0;
  expect(
    isOld || isNew,
    `${context}: neither site; differs from the old in ${differences(after, current).slice(0, 5).join(", ")} and from the new in ${differences(after, sites[to]).slice(0, 5).join(", ")}`,
  ).toBe(true);
  if (code === 0) landed.finished++;
  else {
    landed[isOld ? "old" : "new"]++;
    if (atSwitch) landed.atSwitch++;
    if (rewriting) landed.rewriting++;
  }

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

for (const round of [1, 2]) {
  it(`leaves the old site or the new one after a build is killed at random moments (round ${round} of 2)`, async () => {
    const target = (KILLS / 2) * round;
    for (let attempt = 0; landed.old + landed.new < target && attempt < KILLS; attempt++)
      await killOne(attempt);
    console.log(
      `round ${round}: ${landed.old + landed.new} builds killed so far, ${landed.old} leaving the old site and ${landed.new} the new one, ${landed.atSwitch} of them at the switch, ${landed.rewriting} while rewriting the release before the live one (${landed.finished} finished before their kill)`,
    );
    expect(landed.old + landed.new).toBe(target);
    expect(landed.atSwitch).toBeGreaterThan(0);
    expect(landed.rewriting).toBeGreaterThan(0);
  });
}
