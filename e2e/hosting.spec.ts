import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cacheControlFor, DEFAULT_CACHE_CONTROL, IMMUTABLE } from "../scripts/shared/headers.ts";
import { variantUrl } from "../src/shared/responsive-image.ts";
import { BAD_URL_CASES, NOT_FOUND, servedStatus } from "./bad-url-cases.ts";
import { SEED_STORY } from "./page-types.ts";
import { expect, test } from "./test";

/**
 * What a browser and a CDN get from the server in front of the build, `npm start` or nginx
 * (the "nginx" project): the same statuses and headers for every kind of file, from the same
 * rules table (scripts/shared/headers.ts).
 */

/** The `/*` rule of dist/_headers: the headers every response carries. */
const EVERY_RESPONSE = [
  ...readFileSync("dist/_headers", "utf8").matchAll(/^\/\*\n((?:[ \t]+.+\n)+)/gm),
][0]?.[1]
  ?.trim()
  .split("\n")
  .map(
    (line) =>
      line
        .trim()
        .split(/: (.*)/s)
        .slice(0, 2) as [string, string],
  );

const SCRIPT = `/assets/${readdirSync("dist/assets").find((file) => file.endsWith(".js"))}`;
const seedPhoto = (
  JSON.parse(readFileSync(`dist/api${SEED_STORY}.json`, "utf8")) as {
    story: { photo: { src: string; width: number } };
  }
).story.photo;

test("every kind of file gets its status, type, security headers and Cache-Control", async ({
  request,
}) => {
  expect(EVERY_RESPONSE?.map(([name]) => name)).toContain("Content-Security-Policy");
  const cases: [path: string, status: number, type: RegExp, cacheControl: string][] = [
    ["/", 200, /^text\/html; charset=utf-8$/i, DEFAULT_CACHE_CONTROL],
    [SEED_STORY, 200, /^text\/html; charset=utf-8$/i, DEFAULT_CACHE_CONTROL],
    // The lite pages: the front keeps its slash (a folder's page).
    ["/lite/", 200, /^text\/html; charset=utf-8$/i, DEFAULT_CACHE_CONTROL],
    [`/lite${SEED_STORY}`, 200, /^text\/html; charset=utf-8$/i, DEFAULT_CACHE_CONTROL],
    ["/api/topics.json", 200, /^application\/json; charset=utf-8$/i, cacheControlFor("/api/x")],
    [SCRIPT, 200, /^text\/javascript; charset=utf-8$/i, IMMUTABLE],
    [
      variantUrl(seedPhoto.src, 320, "avif"),
      200,
      /^image\/avif$/,
      cacheControlFor("/images/x.avif"),
    ],
    // The service worker is asked for on every update check: never a kept copy.
    ["/sw.js", 200, /^text\/javascript; charset=utf-8$/i, "no-cache"],
    [
      "/manifest.webmanifest",
      200,
      /^application\/manifest\+json; charset=utf-8$/i,
      DEFAULT_CACHE_CONTROL,
    ],
    ["/icons/maskable-512.png", 200, /^image\/png$/, DEFAULT_CACHE_CONTROL],
    // Not pages: a missing hashed file (a 404 kept for a year would break the next deploy),
    // the host's own files, build internals, and the originals no page shows.
    ["/assets/index-missing.js", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    ["/no/such/page", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    ["/_headers", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    ["/_nginx.conf", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    ["/_varnish.vcl", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    ["/_purge.txt", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    ["/.vite/manifest.json", 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
    [`/${seedPhoto.src}`, 404, /^text\/html/i, DEFAULT_CACHE_CONTROL],
  ];
  for (const [path, status, type, cacheControl] of cases) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(response.status(), path).toBe(status);
    expect(headers["content-type"], path).toMatch(type);
    expect(headers["cache-control"], path).toBe(cacheControl);
    for (const [name, value] of EVERY_RESPONSE ?? [])
      expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
  }
});

test("text is compressed and says so; a trailing slash redirects on this site (to it, for the lite front)", async ({
  request,
  baseURL,
}) => {
  for (const path of ["/", SCRIPT, "/api/topics.json"]) {
    const response = await request.get(path, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers()["content-encoding"], path).toBe("gzip");
    expect(response.headers().vary, path).toMatch(/accept-encoding/i);
  }
  // The build's siblings are sent as they are (their length, where compressing on the fly
  // would send none): the scripts' .br always, and every other file's once the build makes them.
  const files: [path: string, file: string][] = [
    [SCRIPT, `dist${SCRIPT}`],
    ["/", "dist/index.html"],
    [SEED_STORY, `dist${SEED_STORY}.html`],
    ["/api/topics.json", "dist/api/topics.json"],
  ];
  for (const [path, file] of files) {
    for (const [encoding, suffix] of [
      ["br", ".br"],
      ["gzip", ".gz"],
    ] as const) {
      if (!existsSync(`${file}${suffix}`)) continue;
      const response = await request.get(path, { headers: { "accept-encoding": encoding } });
      expect(response.headers()["content-encoding"], `${path} ${encoding}`).toBe(encoding);
      expect(Number(response.headers()["content-length"]), `${path} ${encoding}`).toBe(
        statSync(`${file}${suffix}`).size,
      );
    }
  }
  expect(existsSync(`dist${SCRIPT}.br`)).toBe(true);
  for (const [path, location] of [
    ["/topics/iran/?page=2", "/topics/iran?page=2"],
    ["//evil.example/", "/evil.example"],
    ["/lite?x=1", "/lite/?x=1"],
    [`/lite${SEED_STORY}/`, `/lite${SEED_STORY}`],
  ]) {
    // Joined by hand: a path starting "//" would otherwise name another host.
    const response = await request.get(`${baseURL}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(301);
    expect(response.headers().location, path).toBe(location);
  }
});

test("every mistyped or made-up address gets the page or the 404 page, never another file", async ({
  request,
  baseURL,
}) => {
  // React's escaping of text in the prerendered HTML, to find a heading in it.
  const asHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("'", "&#x27;");
  for (const badUrl of BAD_URL_CASES) {
    // Joined by hand: a path starting "//" would otherwise name another host.
    const response = await request.get(`${baseURL}${badUrl.path}`);
    const status = servedStatus(badUrl);
    expect(response.status(), badUrl.path).toBe(status);
    expect(response.headers()["content-type"], badUrl.path).toMatch(/^text\/html/i);
    const heading = status === 200 ? badUrl.heading : NOT_FOUND;
    expect(await response.text(), badUrl.path).toContain(`>${asHtml(heading)}</h1>`);
  }
});
