import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Story } from "../../src/content/schema.ts";
import { IMAGE_FORMATS, variantUrl, variantWidths } from "../../src/shared/responsive-image.ts";
import { contentOf, FIXTURE_TOPICS, imageBytes, storyJson } from "../content/test-fixture.ts";
import { emitResponsiveImages } from "./responsive-images.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const folder = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "dispatch-images-"));
  folders.push(dir);
  return dir;
};

/** Stories whose lead photos are `files` (written by the caller), 300 px wide. */
function storiesShowing(files: string[]): Story[] {
  return files.map(
    (src, index) =>
      storyJson(`story-${index}`, {
        photo: { src, width: 300, height: 200, alt: "A grey rectangle" },
        body: [{ type: "paragraph", text: "Text." }],
      }) as Story,
  );
}

describe("emitResponsiveImages", () => {
  it("encodes identical photos under two names once each, however often a cold build runs", {
    timeout: 30_000,
  }, async () => {
    const dataDir = await folder();
    const bytes = await imageBytes(300, 200, "jpeg");
    const files = ["images/agency-1.jpg", "images/agency-1-copy.jpg"];
    await mkdir(path.join(dataDir, "images"));
    for (const file of files) await writeFile(path.join(dataDir, file), bytes);
    const content = contentOf(FIXTURE_TOPICS, storiesShowing(files), dataDir);
    const variants = variantWidths(300).length * IMAGE_FORMATS.length;
    // Each run from a cold cache: on f2421b8 both names' jobs wrote the same temporary file,
    // and a rename failed (ENOENT) in some of the runs.
    for (let run = 0; run < 15; run++) {
      const cacheDir = await folder();
      const outDir = await folder();
      await emitResponsiveImages(content, outDir, cacheDir);
      // One cached file per width and format (the bytes are the same), nothing half-written.
      expect(await readdir(path.join(cacheDir, "images"))).toHaveLength(variants);
      for (const width of variantWidths(300))
        for (const format of IMAGE_FORMATS) {
          const [first, second] = await Promise.all(
            files.map((file) =>
              readFile(path.join(outDir, ...variantUrl(file, width, format).split("/"))),
            ),
          );
          expect(first?.length).toBeGreaterThan(0);
          expect(second?.equals(first as Buffer)).toBe(true);
        }
    }
  });

  it("names the image file it cannot encode", async () => {
    const dataDir = await folder();
    const whole = await imageBytes(300, 200, "jpeg");
    await mkdir(path.join(dataDir, "images"));
    await writeFile(path.join(dataDir, "images/cut.jpg"), whole.subarray(0, whole.length / 2));
    const content = contentOf(FIXTURE_TOPICS, storiesShowing(["images/cut.jpg"]), dataDir);
    await expect(emitResponsiveImages(content, await folder(), await folder())).rejects.toThrow(
      `could not encode ${path.join(dataDir, "images/cut.jpg")}`,
    );
  });
});
