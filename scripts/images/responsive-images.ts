import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import {
  IMAGE_FORMATS,
  type ImageFormat,
  variantUrl,
  variantWidths,
} from "../../src/shared/responsive-image.ts";
import type { Content } from "../content/load-content.ts";
import { CACHE_DIR, temporaryPath } from "../shared/build-cache.ts";
import { mapLimit } from "../shared/map-limit.ts";

/**
 * Build stage: every photo as AVIF, WebP and JPEG at each width of the shared table, so
 * `<picture>` can offer a phone a 320 px AVIF instead of the full-size original. Encoding is
 * slow (AVIF above all), so results are cached in the build cache (`.cache/images/`, which
 * survives `npm ci`), keyed by the source file's content, the width, the format and the
 * encoder settings (with sharp's and libvips' versions): a rebuild only encodes new or changed
 * images, and changing a quality setting re-encodes instead of serving stale files.
 */

// libvips already uses every core per image; two images at a time keeps both cores busy.
const CONCURRENCY = 2;

const SETTINGS = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 72, effort: 4 },
  jpg: { quality: 75, mozjpeg: true, progressive: true },
} as const;

const ENCODE: Record<ImageFormat, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif(SETTINGS.avif),
  webp: (image) => image.webp(SETTINGS.webp),
  jpg: (image) => image.jpeg(SETTINGS.jpg),
};

/** Changes whenever an encoding would: the settings, or the encoder libraries. */
export const ENCODER_KEY = createHash("sha256")
  .update(JSON.stringify({ SETTINGS, versions: sharp.versions, resize: "rotate+width" }))
  .digest("hex")
  .slice(0, 12);

export async function emitResponsiveImages(
  content: Content,
  outDir: string,
  cacheDir = CACHE_DIR,
): Promise<void> {
  const imageCache = path.join(cacheDir, "images");
  await mkdir(imageCache, { recursive: true });
  const jobs = [...content.photos.values()].flatMap((photo) =>
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

  // One encoding per cached file: identical bytes under two names (an agency photo filed
  // twice) are two jobs for the same file, and the second waits for the first's.
  const encodings = new Map<string, Promise<void>>();
  const encodeOnce = (cached: string, src: string, width: number, format: ImageFormat) => {
    let encoding = encodings.get(cached);
    if (!encoding) {
      encoding = encode(path.join(content.dataDir, src), cached, width, format);
      encodings.set(cached, encoding);
    }
    return encoding;
  };

  await mapLimit(jobs, CONCURRENCY, async ({ photo, width, format, target }) => {
    const cached = path.join(
      imageCache,
      `${await hashOf(photo.src)}-${ENCODER_KEY}-${width}.${format}`,
    );
    try {
      await copyFile(cached, target);
      return;
    } catch {
      // Not encoded yet: encode below.
    }
    await encodeOnce(cached, photo.src, width, format);
    await copyFile(cached, target);
  });
}

/** Encodes one variant of `source` into the image cache's file `cached`. */
async function encode(source: string, cached: string, width: number, format: ImageFormat) {
  let encoded: Buffer;
  try {
    encoded = await ENCODE[format](
      sharp(source).rotate().resize({ width, withoutEnlargement: true }),
    ).toBuffer();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not encode ${source} (${reason}); npm run content:check decodes every image and names the stories that show it`,
    );
  }
  // Written beside under a name of its own and renamed, so a build stopped midway never
  // leaves half an image, and no other writer's file is taken for this one.
  const partial = temporaryPath(cached);
  await writeFile(partial, encoded);
  await rename(partial, cached);
}
