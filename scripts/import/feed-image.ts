import { createHash } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import type { Photo } from "../../src/content/schema.ts";
import type { FeedImageRef } from "./feed-items.ts";
import { fileInside, readRegularFile } from "./local-file.ts";

/**
 * A feed item's picture: only a regular file inside the feed's own folder (after `..` and
 * symlinks are resolved), at most 20 MB, that decodes whole, is copied into the data folder.
 * A remote picture is left alone, since the import never uses the network.
 */

export const IMAGE_FOLDER = "images/imported";
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

const IMAGE_EXTENSION: Record<string, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  heif: "avif",
};

export type ImageResult =
  | { kind: "local"; photo: Photo; bytes: Buffer }
  | { kind: "remote" }
  | { kind: "problem"; message: string };

const WITHOUT = "imported without a photo";

/** `images/caf%C3%A9.jpg` names `images/café.jpg`; a stray `%` is just a character. */
function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Decodes every pixel: a truncated or corrupt file fails here, not in a later build. */
async function decodes(bytes: Buffer): Promise<boolean> {
  try {
    await sharp(bytes, { failOn: "truncated" }).stats();
    return true;
  } catch {
    return false;
  }
}

export async function feedImage(
  ref: FeedImageRef,
  feedFile: string,
  headline: string,
): Promise<ImageResult> {
  const url = ref.url.trim();
  if (/^https?:/i.test(url) || url.startsWith("//")) return { kind: "remote" };
  const problem = (what: string): ImageResult => ({
    kind: "problem",
    message: `image ${url} ${what}; ${WITHOUT}`,
  });
  if (/^file:/i.test(url))
    return problem("is a file: URL; only a path relative to the feed, inside its folder, is read");
  if (/^[a-z][a-z0-9+.-]*:/i.test(url))
    return problem("is neither a path inside the feed's folder nor an http(s) URL");
  const relative = safeDecode(url.replace(/[?#].*$/, ""));
  if (path.isAbsolute(relative) || /^[a-z]:[\\/]/i.test(relative) || relative.startsWith("\\"))
    return problem(
      "is an absolute path; only a path relative to the feed, inside its folder, is read",
    );
  // One wording for a missing file, one outside the folder and one that is not a regular
  // file, so that the import never tells whether something exists outside the feed's folder.
  const unreadable = problem("is not a regular file inside the feed's folder");
  const file = await fileInside(path.dirname(feedFile), relative);
  if (!file) return unreadable;
  const read = await readRegularFile(file, MAX_IMAGE_BYTES);
  if (!read.ok)
    return read.reason === "too-large"
      ? problem(`is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB`)
      : unreadable;
  const { bytes } = read;
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!meta || !(await decodes(bytes))) return problem("is not a readable image");
  const extension = IMAGE_EXTENSION[meta.format ?? ""];
  if (!extension || (meta.format === "heif" && meta.compression !== "av1"))
    return problem(`is ${meta.format ?? "an unknown format"}; expected JPEG, PNG, WebP or AVIF`);
  // Named by content: the same picture in two feeds is one file, and re-importing it is a no-op.
  const name = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
  const { width, height } = meta.autoOrient;
  const photo: Photo = {
    src: `${IMAGE_FOLDER}/${name}.${extension}`,
    // Feeds rarely describe their pictures; the headline stands in until an editor writes alt text.
    alt: ref.alt || headline,
    ...(ref.credit ? { credit: ref.credit } : {}),
    width,
    height,
  };
  return { kind: "local", photo, bytes };
}
