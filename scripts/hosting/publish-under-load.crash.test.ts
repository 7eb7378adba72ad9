import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";
import { sha1 } from "../shared/build-cache.ts";
import { releasesDir } from "../shared/releases.ts";
import { type BuildEnv, build, smallSite } from "./crash-support.ts";

/**
 * Issue 25: while wrk loads the front page, a topic page, a story page, the Breaking News head
 * and an archive page through the project's nginx (`npm run serve:nginx`), publishing a story,
 * editing one and a full rebuild without the build cache's records fail no request: no status
 * but 2xx/3xx, no socket error, every body byte for byte one of that URL's versions, and no
 * file a served body references missing.
 *
 * The edit is published, when it can be, by rewriting the release before the live one
 * (releases.ts), which the log says. The switch to a new release is atomic, so the gap it would leave is too narrow to hit by
 * chance: DISPATCH_SWAP_GAP_MS=200 makes the builds delete the live symlink and wait before
 * making the new one (scripts/shared/releases.ts), and this test then fails with 404s.
 */

const ROOT = process.cwd();
const PORT = Number(process.env.LOAD_TEST_PORT ?? 4700);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");

let work: string;
let env: BuildEnv;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await rm(work, { recursive: true, force: true });
  await rm(env.cacheDir, { recursive: true, force: true });
});

/** The file a URL path is served from. */
const fileOf = (url: string) =>
  url === "/"
    ? "index.html"
    : /^\/(stories|topics)\//.test(url)
      ? `${url.slice(1)}.html`
      : url.slice(1);

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });
}

async function serveNginx(root: string): Promise<ChildProcess> {
  const nginx = spawn(process.execPath, ["--import", TSX, "scripts/commands/serve-nginx.ts"], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: root, PORT: String(PORT) },
    stdio: "inherit",
  });
  children.push(nginx);
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${ORIGIN}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return nginx;
    if (tries > 100 || nginx.exitCode !== null) throw new Error("nginx did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The paths of files a served body references: scripts, styles, API and archive files. */
function references(text: string): string[] {
  const found = new Set(text.match(/\/(?:assets|api|archive)\/[\w.\-/]+\.\w+/g) ?? []);
  if (text.startsWith("{")) {
    const json = JSON.parse(text) as { feed?: string; next?: unknown };
    if (json.feed && typeof json.next === "number")
      found.add(`/archive/${json.feed}/${json.next}.json`);
  }
  return [...found];
}

it("publishes a story, edits one and rebuilds without a record under load, failing no request", async () => {
  work = await mkdtemp(path.join(tmpdir(), "dispatch-publish-load-"));
  env = await smallSite(work, "publish-load");
  const stories = path.join(env.dataDir, "stories");
  const [editedName = ""] = (await readdir(stories)).sort();
  const editedFile = path.join(stories, editedName);
  const edited = JSON.parse(await readFile(editedFile, "utf8")) as {
    id: string;
    topics: string[];
    headline: string;
  };
  await build(env);
  // The edited story's page, its topic's, and the Breaking News archive page that holds it.
  const archive = path.join(env.outDir, "archive", "breaking-news");
  let archivePage = "/archive/breaking-news/1.json";
  for (const name of await readdir(archive))
    if ((await readFile(path.join(archive, name), "utf8")).includes(`"id":"${edited.id}"`))
      archivePage = `/archive/breaking-news/${name}`;
  const urls = [
    "/",
    `/topics/${edited.topics[0]}`,
    `/stories/${edited.id}`,
    "/api/feeds/breaking-news/head.json",
    archivePage,
  ];
  const versions = new Map(urls.map((url) => [url, new Set<string>()]));
  const snapshot = async () => {
    for (const url of urls)
      versions.get(url)?.add(sha1(await readFile(path.join(env.outDir, fileOf(url)))));
  };
  await snapshot();

  await serveNginx(env.outDir);
  // Each URL as it is and compressed (publish-load.lua), a thread each.
  const entries = urls.flatMap((url) => [url, `br:${url}`]);
  const out = path.join(work, "wrk");
  await mkdir(out);
  const wrk = spawn(
    "wrk",
    // A response later than 10 s counts as a timeout (wrk's default, 2 s, counted the
    // builds' load on two cores).
    [
      "-t10",
      "-c50",
      "-d600s",
      "--timeout",
      "10s",
      "-s",
      path.join(ROOT, "scripts/hosting/publish-load.lua"),
      ORIGIN,
    ],
    { env: { ...process.env, WRK_PATHS: entries.join(" "), WRK_OUT: out }, stdio: "inherit" },
  );
  children.push(wrk);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2000));
  await pause();

  // Publishing one story: the newest.
  await writeFile(
    path.join(stories, "load-test-published.json"),
    JSON.stringify({
      ...edited,
      id: "load-test-published",
      headline: "Published under load",
      publishedAt: "2030-01-01T00:00:00Z",
    }),
  );
  await build(env);
  await snapshot();
  await pause();
  // Editing one.
  await writeFile(
    editedFile,
    JSON.stringify({ ...edited, headline: `${edited.headline} (corrected)` }),
  );
  const [firstRelease = ""] = (await readdir(releasesDir(env.outDir)))
    .filter((name) => /^\d{8}T\d{9}Z$/.test(name))
    .sort();
  await build(env);
  // It rewrites the first release (the one before the live one) when that went out of service
  // REUSE_AFTER_MS before, as the builds' load makes likely here; else it makes a new folder.
  const rewrote = !existsSync(path.join(releasesDir(env.outDir), firstRelease));
  await snapshot();
  await pause();
  // A full rebuild: the cache's records deleted (not its encoded photos, which are not tested).
  for (const entry of await readdir(env.cacheDir))
    if (entry !== "images") await rm(path.join(env.cacheDir, entry), { recursive: true });
  await build(env);
  await snapshot();
  await pause();
  wrk.kill("SIGINT");
  expect(await exited(wrk)).toBe(0);

  const summary = (await readFile(path.join(out, "summary.tsv"), "utf8"))
    .trim()
    .split("\n")
    .map((line) => line.split("\t"));
  const requests = Number(summary.find(([kind]) => kind === "requests")?.[1]);
  const [connect, read, write, status, timeout] = (
    summary.find(([kind]) => kind === "errors") ?? []
  )
    .slice(1)
    .map(Number);
  const statuses = summary
    .filter(([kind]) => kind === "status")
    .map(([, url, code, count]) => `${url} ${code} ×${count}`);
  console.log(
    `${requests} requests during three publishes (the edit ${rewrote ? "rewrote the release before the live one" : "made a new release folder"}); errors: connect ${connect}, read ${read}, write ${write}, status ${status}, timeout ${timeout}; ${statuses.join(", ")}`,
  );
  // wrk's "timeout" counts responses slower than --timeout (and, while one waits, its
  // connection every 2 s), not lost ones: they still arrive and are checked below. The builds
  // of six people on two cores made a few.
  expect({ connect, read, write, status }).toEqual({ connect: 0, read: 0, write: 0, status: 0 });
  expect(statuses.filter((line) => !/ [23]\d\d ×/.test(line))).toEqual([]);
  expect(requests).toBeGreaterThan(1000);

  // Every body is one of its URL's versions, and what it references is there.
  const served = new Map(urls.map((url) => [url, new Set<string>()]));
  const missing: string[] = [];
  let chunked = 0;
  const partial: string[] = [];
  for (const [kind, entry = "", name = ""] of summary) {
    if (kind === "chunked") chunked += Number(name);
    if (kind === "partial") partial.push(`${entry} ×${name}`);
    if (kind !== "body") continue;
    const url = entry.replace(/^br:/, "");
    const raw = await readFile(path.join(out, name));
    const newline = raw.indexOf(10);
    const encoding = raw.subarray(0, newline).toString();
    const body = raw.subarray(newline + 1);
    const decode = () =>
      encoding === "br"
        ? brotliDecompressSync(body)
        : encoding === "gzip"
          ? gunzipSync(body)
          : body;
    // Every body decodes: a compressed one cut short or mixed up fails here. (Those seen before
    // were wrk's: its thread:get, which hands done() a thread's bodies, cut each at its first
    // zero byte; publish-load.lua now passes them as hex.)
    const bytes = decode();
    const hash = sha1(bytes);
    expect(versions.get(url), `${url}: a body that is none of its versions`).toContain(hash);
    served.get(url)?.add(hash);
    for (const file of references(bytes.toString("utf8")))
      if (!existsSync(path.join(env.outDir, fileOf(file)))) missing.push(`${url} -> ${file}`);
  }
  expect(missing).toEqual([]);
  // The load ran across the publishes: the front page was served in more than one version.
  expect(served.get("/")?.size).toBeGreaterThan(1);
  console.log(
    `${[...served]
      .map(
        ([url, hashes]) => `${url}: ${hashes.size} of ${versions.get(url)?.size} versions served`,
      )
      .join(
        "; ",
      )}; ${chunked} responses compressed on the fly (chunked: counted, not compared); bodies wrk handed on in part (not compared): ${partial.join(", ") || "none"}`,
  );
});
