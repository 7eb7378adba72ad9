import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { emitWebAppManifest, ICONS, MANIFEST_FILE, webAppManifest } from "./web-app-manifest.ts";

const root = process.cwd();
const out = await mkdtemp(path.join(tmpdir(), "dispatch-manifest-"));
afterAll(() => rm(out, { recursive: true, force: true }));

describe("the web app manifest", () => {
  it("makes the reader installable: standalone, from the front page, with 192, 512 and maskable icons", () => {
    const manifest = webAppManifest();
    expect(manifest).toMatchObject({ display: "standalone", start_url: "/", scope: "/" });
    expect(manifest.icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
  });

  it("installs a mirror from its own folder and stays within it, icons included", () => {
    const manifest = webAppManifest("/mirror/news/");
    expect(manifest).toMatchObject({
      id: "/mirror/news/",
      start_url: "/mirror/news/",
      scope: "/mirror/news/",
    });
    expect(manifest.icons.map((icon) => icon.src)).toEqual(
      ICONS.map((icon) => `/mirror/news/${icon.file}`),
    );
  });

  it("draws every icon at its size from the one source image, the same bytes every time", async () => {
    await emitWebAppManifest(root, out);
    const written = JSON.parse(await readFile(path.join(out, MANIFEST_FILE), "utf8"));
    expect(written).toEqual(webAppManifest());
    const first = await Promise.all(ICONS.map((icon) => readFile(path.join(out, icon.file))));
    for (const [index, icon] of ICONS.entries()) {
      const { width, height, format } = await sharp(first[index]).metadata();
      expect([width, height, format]).toEqual([icon.size, icon.size, "png"]);
    }
    // A maskable icon fills its square: the corner is the mark's colour, not transparent.
    const maskable = ICONS.findIndex((icon) => icon.purpose === "maskable");
    const { data } = await sharp(first[maskable]).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(255);
    await emitWebAppManifest(root, out);
    const second = await Promise.all(ICONS.map((icon) => readFile(path.join(out, icon.file))));
    expect(second).toEqual(first);
  });

  it("names the source image when it cannot be read", async () => {
    await expect(emitWebAppManifest(path.join(out, "nowhere"), out)).rejects.toThrow(
      "public/favicon.svg: the icons' source image cannot be read",
    );
  });
});
