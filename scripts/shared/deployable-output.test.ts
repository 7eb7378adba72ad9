import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readyForHosting, viteManifestPath } from "./deployable-output.ts";

describe("readyForHosting", () => {
  let parent: string;
  let staging: string;
  const outDir = () => path.join(parent, "dist");

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), "dispatch-deployable-"));
    // As the build makes it: mkdtemp, so 0700.
    staging = await mkdtemp(path.join(parent, ".dispatch-build-"));
    await mkdir(path.join(staging, ".vite"));
    await writeFile(path.join(staging, ".vite", "manifest.json"), '{"index.html":{}}');
    await writeFile(path.join(staging, "index.html"), "home");
    expect((await stat(staging)).mode & 0o777).toBe(0o700);
    await readyForHosting(staging, outDir());
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it("lets the web server's user (any user) read the site folder", async () => {
    expect((await stat(staging)).mode & 0o777).toBe(0o755);
  });

  it("moves the Vite manifest out of the site, beside it", async () => {
    expect(await readdir(staging)).toEqual(["index.html"]);
    expect(viteManifestPath(outDir())).toBe(`${outDir()}.vite-manifest.json`);
    expect(await readFile(viteManifestPath(outDir()), "utf8")).toBe('{"index.html":{}}');
  });
});
