import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MANIFEST_PLACEHOLDER, precacheEntries, writeServiceWorker } from "./service-worker.ts";
import { ICONS, MANIFEST_FILE } from "./web-app-manifest.ts";

/** A finished site with the files the worker installs, the code named `code`. */
async function site(dir: string, { code, banner }: { code: string; banner: string }) {
  const files: Record<string, string> = {
    [`assets/index-${code}.js`]: "app",
    [`assets/index-${code}.js.br`]: "app, compressed",
    "assets/index-STYLE.css": "css",
    "offline.html": banner,
    "saved.html": banner,
    "404.html": banner,
    "favicon.svg": "<svg/>",
    [MANIFEST_FILE]: "{}",
    ...Object.fromEntries(ICONS.map((icon) => [icon.file, icon.file])),
  };
  await rm(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

describe("the service worker's precache", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dispatch-sw-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("installs the code, the shell pages, the manifest and icons, sorted", async () => {
    await site(dir, { code: "AAAA", banner: "a" });
    const entries = await precacheEntries(dir);
    expect(entries.map((entry) => entry.url)).toEqual(
      [
        "404.html",
        "assets/index-AAAA.js",
        "assets/index-STYLE.css",
        "favicon.svg",
        MANIFEST_FILE,
        "offline.html",
        "saved.html",
        ...ICONS.map((icon) => icon.file),
      ].sort(),
    );
    // Hashed names carry their revision; everything else has one.
    for (const entry of entries)
      expect(entry.revision === null).toBe(entry.url.startsWith("assets/"));
  });

  it("revises the shell pages with the app's code, not with each publication", async () => {
    await site(dir, { code: "AAAA", banner: "a" });
    const published = await precacheEntries(dir);
    await site(dir, { code: "AAAA", banner: "b" });
    expect(await precacheEntries(dir)).toEqual(published);
    await site(dir, { code: "BBBB", banner: "a" });
    const redeployed = await precacheEntries(dir);
    const revision = (entries: typeof published) =>
      entries.find((entry) => entry.url === "offline.html")?.revision;
    expect(revision(redeployed)).not.toBe(revision(published));
  });

  it("writes the list into the bundled worker, once, and refuses a worker without its place", async () => {
    await site(dir, { code: "AAAA", banner: "a" });
    const template = path.join(dir, "template.js");
    await writeFile(template, `precacheAndRoute(${MANIFEST_PLACEHOLDER});`);
    await writeServiceWorker(dir, template);
    const worker = await readFile(path.join(dir, "sw.js"), "utf8");
    expect(worker).toBe(`precacheAndRoute(${JSON.stringify(await precacheEntries(dir))});`);

    await writeFile(template, "precacheAndRoute([]);");
    await expect(writeServiceWorker(dir, template)).rejects.toThrow(
      `${template}: expected "${MANIFEST_PLACEHOLDER}" once in the bundled service worker, found it 0 times`,
    );
  });
});
