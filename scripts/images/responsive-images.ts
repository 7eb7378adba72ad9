import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import {
  IMAGE_FORMATS,
  type ImageFormat,
  variantUrl,
  variantWidths,
} from "../../src/shared/responsive-image.ts";
import { storyPhotos } from "../content/images.ts";
import type { Content } from "../content/load-content.ts";
import { mapLimit } from "../content/map-limit.ts";

/**
 * Build stage: every photo as AVIF, WebP and JPEG at each width of the shared table, so
 * `<picture>` can offer a phone a 320 px AVIF instead of the full-size original. Encoding is
 * slow (AVIF above all), so results are cached by the source file's content hash; a rebuild
 * only encodes new or changed images.
 */

const CACHE_DIR = path.join("node_modules", ".cache", "dispatch-images");
// libvips already uses every core per image; two images at a time keeps both cores busy.
const CONCURRENCY = 2;

const ENCODE: Record<ImageFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 72, effort: 4 }),
  jpg: (image) => image.jpeg({ quality: 75, mozjpeg: true, progressive: true }),
};

export async function emitResponsiveImages(content: Content, outDir: string): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  const jobs = [...storyPhotos(content.stories).values()].flatMap((photo) =>
    variantWidths(photo.width).flatMap((width) =>
      IMAGE_FORMATS.map((format) => {
        const target = path.join(outDir, ...variantUrl(photo.src, width, format).split("/"));
        return { photo, width, format, target };
      }),
    ),
  );
  const folders = new Set(jobs.map((job) => path.dirname(job.target)));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (src: string) => {
    let hash = hashes.get(src);
    if (!hash) {
      hash = readFile(path.join(content.dataDir, src)).then((bytes) =>
        createHash("sha256").update(bytes).digest("hex").slice(0, 20),
      );
      hashes.set(src, hash);
    }
    return hash;
  };

  await mapLimit(jobs, CONCURRENCY, async ({ photo, width, format, target }) => {
    const cached = path.join(CACHE_DIR, `${await hashOf(photo.src)}-${width}.${format}`);
    try {
      await copyFile(cached, target);
      return;
    } catch {
      // Not encoded yet: encode below.
    }
    const encoded = await ENCODE[format](
      sharp(path.join(content.dataDir, photo.src))
        .rotate()
        .resize({ width, withoutEnlargement: true }),
    ).toBuffer();
    await writeFile(cached, encoded);
    await writeFile(target, encoded);
  });
}
