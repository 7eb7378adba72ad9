// npm run bench:serve: wrk on nginx, npm start and the cache: requests/s, p50, p99
/**
 * `npm run bench:serve`: what the servers of a build (dist/, or $DIST_DIR) sustain during a
 * breaking-news spike, measured with wrk as ISSUE-25 did: `wrk -t2 -c50 -d10s --latency` on the
 * seed story page, the front page and `/api/feeds/breaking-news/head.json`, each requested
 * compressed (`Accept-Encoding: gzip, br`, as every browser sends) and uncompressed, against
 * the project's nginx (`npm run serve:nginx`), `npm start` and the cache (`npm run serve:cdn`),
 * one after another, and prints one table: requests/s, p50 and p99 latency, errors, and for
 * each compressed row its share of the uncompressed requests/s. Targets (ISSUE-25): nginx
 * compressed at >= 50 % of uncompressed, p99 <= 20 ms.
 *
 * BENCH_DURATION (default 10s), BENCH_CONNECTIONS (50), BENCH_THREADS (wrk's, 2), BENCH_RUNS (1:
 * each figure the median of that many runs), BENCH_SERVERS (nginx,start,cdn), BENCH_PORT (the
 * servers on it and the next two, in that order; default: ports the system picks) and
 * BENCH_ORIGINS ("nginx=http://host:port,start=…": servers already running, to measure
 * another checkout's) change what runs. Needs wrk (apt-get install wrk) and, for the cache,
 * varnish.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { SEED_STORY } from "../../e2e/page-types.ts";
import { benchArgs } from "../bench/bench-args.ts";
import { median } from "../bench/median.ts";
import { ensureBuild } from "../hosting/ensure-build.ts";
import { freePort } from "../hosting/free-port.ts";
import { NGINX_CONFIG_FILE } from "../hosting/nginx-config.ts";
import { type RunningNginx, startNginx } from "../hosting/nginx-process.ts";
import { VARNISH_CONFIG_FILE } from "../hosting/varnish-config.ts";

// No options: the environment variables above say what runs.
benchArgs("bench:serve", {});
const root = path.resolve(process.env.DIST_DIR ?? "dist");
const duration = process.env.BENCH_DURATION ?? "10s";
const connections = process.env.BENCH_CONNECTIONS ?? "50";
const threads = process.env.BENCH_THREADS ?? "2";
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 1);
const firstPort = Number(process.env.BENCH_PORT) || undefined;
const servers = (process.env.BENCH_SERVERS ?? "nginx,start,cdn").split(",");
const given = new Map(
  (process.env.BENCH_ORIGINS ?? "")
    .split(",")
    .filter(Boolean)
    .map((pair) => pair.split("=") as [string, string]),
);
const URLS: [label: string, path: string][] = [
  ["story page", process.env.BENCH_STORY ?? SEED_STORY],
  ["front page", "/"],
  ["head.json", "/api/feeds/breaking-news/head.json"],
];
const SERVER_LABELS: Record<string, string> = {
  nginx: "nginx (serve:nginx)",
  start: "npm start",
  cdn: "Varnish (serve:cdn)",
};

if (spawnSync("wrk", ["--version"]).error) {
  console.error("wrk not found: install it (apt-get install wrk)");
  process.exit(1);
}
if (given.size < servers.length)
  ensureBuild(root, ["index.html", NGINX_CONFIG_FILE, VARNISH_CONFIG_FILE]);

type Row = {
  server: string;
  url: string;
  compressed: boolean;
  encoding: string;
  rps: number;
  /** Latency percentiles, in ms. */
  p50: number;
  p99: number;
  errors: string;
};

/** The encoding a server sends for `target` when asked as the benchmark asks. */
function encodingOf(origin: string, target: string, compressed: boolean): Promise<string> {
  const headers: Record<string, string> = compressed ? { "accept-encoding": "gzip, br" } : {};
  return new Promise((resolve, reject) => {
    // A connection of its own: a kept-alive one the server just closed would fail the check.
    request(new URL(target, origin), { headers, agent: false }, (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(
        `${status === 200 ? "" : `${status} `}${response.headers["content-encoding"] ?? "none"}`,
      );
    })
      .on("error", reject)
      .end();
  });
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
/** wrk's "Latency Distribution" value at a percentile ("586.00us", "1.20ms"), in ms. */
function percentileMs(output: string, at: string): number {
  const value = output.match(new RegExp(`^\\s+${at}%\\s+([\\d.]+)(us|ms|s|m)\\b`, "m"));
  return value ? Number(value[1]) * (UNIT_MS[value[2] ?? ""] ?? Number.NaN) : Number.NaN;
}

/** One wrk run on one URL. */
function runWrk(url: string, compressed: boolean) {
  const wrk = spawnSync(
    "wrk",
    [
      ...[`-t${threads}`, `-c${connections}`, `-d${duration}`, "--latency"],
      ...(compressed ? ["-H", "Accept-Encoding: gzip, br"] : []),
      url,
    ],
    { encoding: "utf8" },
  );
  const out = wrk.stdout;
  const non2xx = out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
  const socket = out.match(/Socket errors: (.+)/)?.[1];
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0),
    p50: percentileMs(out, "50"),
    p99: percentileMs(out, "99"),
    errors: [non2xx && `${non2xx} non-2xx`, socket].filter(Boolean).join("; "),
  };
}

/** Each figure is the median of BENCH_RUNS runs (timings here are noisy); errors of every run. */
async function measure(server: string, origin: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [label, target] of URLS) {
    for (const compressed of [true, false]) {
      const encoding = await encodingOf(origin, target, compressed);
      const samples = Array.from({ length: runs }, () =>
        runWrk(new URL(target, origin).href, compressed),
      );
      rows.push({
        server,
        url: label,
        compressed,
        encoding,
        rps: median(samples.map((sample) => sample.rps)),
        p50: median(samples.map((sample) => sample.p50)),
        p99: median(samples.map((sample) => sample.p99)),
        errors:
          samples
            .map((sample) => sample.errors)
            .filter(Boolean)
            .join(" | ") || "0",
      });
    }
  }
  return rows;
}

const started: ChildProcess[] = [];
const nginxes: RunningNginx[] = [];
/** What the started scripts printed: serve:cdn names its Varnish folder for varnishstat. */
let printed = "";
/** Starts a server script and resolves with its origin once it answers. */
async function startScript(script: string, port: number): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, PORT: String(port), DIST_DIR: root },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  started.push(child);
  const origin = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const up = await encodingOf(origin, "/", false).then(
      () => true,
      () => false,
    );
    if (up) return origin;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} did not answer on ${origin}`);
}

async function originOf(server: string): Promise<string> {
  const existing = given.get(server);
  if (existing) return existing;
  const port = firstPort ? firstPort + ["nginx", "start", "cdn"].indexOf(server) : await freePort();
  if (server === "nginx") {
    const nginx = await startNginx({ root, port });
    nginxes.push(nginx);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return `http://localhost:${port}`;
  }
  return startScript(
    server === "cdn" ? "scripts/commands/serve-cdn.ts" : "scripts/commands/start.ts",
    port,
  );
}

/** The cache's hits among its lookups since it started, from varnishstat. */
function hitRatio(): string | undefined {
  const workDir = printed.match(/varnishstat -n (\S+);/)?.[1];
  if (!workDir) return undefined;
  const stats = spawnSync("varnishstat", ["-n", workDir, "-1", "-j"], { encoding: "utf8" });
  const counters = (JSON.parse(stats.stdout) as { counters: Record<string, { value: number }> })
    .counters;
  const hits = counters["MAIN.cache_hit"]?.value ?? 0;
  const misses = counters["MAIN.cache_miss"]?.value ?? 0;
  return `${((hits / (hits + misses)) * 100).toFixed(2)} % (${hits} hits, ${misses} misses)`;
}

const rows: Row[] = [];
let cacheHits: string | undefined;
try {
  for (const server of servers) {
    const origin = await originOf(server);
    console.error(`measuring ${SERVER_LABELS[server] ?? server} at ${origin}…`);
    rows.push(...(await measure(server, origin)));
    if (server === "cdn") cacheHits = hitRatio();
  }
} finally {
  for (const child of started) child.kill("SIGTERM");
  // Its folder too: the access log of a run is hundreds of MB.
  await Promise.all(nginxes.map((nginx) => nginx.stop()));
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
const uncompressed = (row: Row) =>
  rows.find((other) => other.server === row.server && other.url === row.url && !other.compressed);
const table = [
  "| server | request | Accept-Encoding → sent | requests/s | vs uncompressed | p50 | p99 | errors |",
  "|---|---|---|---:|---:|---:|---:|---|",
  ...rows.map((row) => {
    const base = row.compressed ? uncompressed(row)?.rps : undefined;
    const share = base ? `${Math.round((row.rps / base) * 100)} %` : "";
    return `| ${SERVER_LABELS[row.server] ?? row.server} | ${row.url} | ${
      row.compressed ? "gzip, br" : "none"
    } → ${row.encoding} | ${Math.round(row.rps).toLocaleString("en")} | ${share} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.errors} |`;
  }),
];
console.log(
  `\nwrk -t${threads} -c${connections} -d${duration} --latency, median of ${runs} run${runs > 1 ? "s" : ""}, on ${path.relative(process.cwd(), root) || "."}/ (${new Date().toISOString()})\n`,
);
console.log(table.join("\n"));
if (cacheHits) console.log(`\nVarnish hit ratio over the run (varnishstat): ${cacheHits}`);
