import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { imageSrcProblem, type Photo, type Story } from "../../src/content/schema.ts";
import { mapLimit } from "../shared/map-limit.ts";
import { type ContentError, jsonPath } from "./content-error.ts";
import { dataFileProblem, dataRoot } from "./data-file.ts";
import { isRecord } from "./load.ts";

/** A photo as written in a story file, before the schema has vouched for any of it. */
export type PhotoRef = {
  file: string;
  path: PropertyKey[];
  src: string;
  width: unknown;
  height: unknown;
};

type ImageProbe =
  | { kind: "ok"; width: number; height: number; rotated: boolean }
  | { kind: "missing" }
  | { kind: "not-a-file"; problem: string }
  | { kind: "unreadable"; reason: string }
  | { kind: "undecodable"; reason: string };

function photoRef(file: string, at: PropertyKey[], photo: unknown): PhotoRef[] {
  // A src the schema rejects (URL, absolute, "..") is reported by the schema and never opened.
  if (!isRecord(photo) || typeof photo.src !== "string" || imageSrcProblem(photo.src)) return [];
  return [{ file, path: at, src: photo.src, width: photo.width, height: photo.height }];
}

/**
 * Reads photos from the raw story rather than the parsed one so that a missing image is
 * reported in the same run as, say, a missing headline.
 */
export function photoRefs(file: string, story: unknown): PhotoRef[] {
  if (!isRecord(story)) return [];
  const refs = photoRef(file, ["photo"], story.photo);
  if (Array.isArray(story.body)) {
    story.body.forEach((block, index) => {
      if (isRecord(block) && block.type === "photo")
        refs.push(...photoRef(file, ["body", index, "photo"], block.photo));
    });
  }
  return refs;
}

/**
 * `decode`: decode all of the image, not only its header: a file cut short (a failed upload or
 * copy) has the right size in its header and fails only when the build encodes it.
 */
async function probe(
  dataDir: string,
  root: string,
  src: string,
  decode: boolean,
): Promise<ImageProbe> {
  const full = path.join(dataDir, src);
  if (!existsSync(full)) return { kind: "missing" };
  const problem = dataFileProblem(root, full, "a .jpg, .png, .webp or .avif file");
  if (problem) return { kind: "not-a-file", problem };
  let probed: ImageProbe;
  let format: string | undefined;
  try {
    const meta = await sharp(full).metadata();
    format = meta.format;
    // Browsers lay out the EXIF-rotated image, so that is the size width/height must match.
    const { width, height } = meta.autoOrient;
    probed = { kind: "ok", width, height, rotated: (meta.orientation ?? 1) >= 5 };
  } catch (error) {
    return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    // All of the file is decoded, into an image 8 pixels wide: JPEG and WebP decode at a
    // smaller scale from every byte of the file (a third of the time of sharp's stats, which
    // also finds every cut-short JPEG, PNG, WebP and AVIF), and no full-size copy is held.
    if (decode) await sharp(full).resize({ width: 8 }).raw().toBuffer();
  } catch {
    // Not libvips' own words: its error buffer is the process's, and with images decoded side
    // by side one file's error was reported with another's ("vipspng" for a JPEG).
    return {
      kind: "undecodable",
      reason: `its ${format ?? "image"} data breaks off or is damaged`,
    };
  }
  return probed;
}

function isPixelCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

function imageErrors(dataDir: string, ref: PhotoRef, image: ImageProbe): ContentError[] {
  const shownPath = path.join(dataDir, ref.src);
  const at = (key: string) => jsonPath([...ref.path, key]);
  switch (image.kind) {
    case "missing":
      return [
        {
          file: ref.file,
          path: at("src"),
          message: `image file not found: ${shownPath}; expected the file to exist (src is relative to ${dataDir}/)`,
        },
      ];
    case "not-a-file":
      return [{ file: ref.file, path: at("src"), message: `${shownPath} ${image.problem}` }];
    case "undecodable":
      return [
        {
          file: ref.file,
          path: at("src"),
          message: `could not decode ${shownPath} (${image.reason}); expected a whole image file (is it cut short? copy or export it again)`,
        },
      ];
    case "unreadable":
      return [
        {
          file: ref.file,
          path: at("src"),
          message: `could not read ${shownPath} as an image (${image.reason}); expected a valid JPEG, PNG, WebP or AVIF file`,
        },
      ];
    case "ok": {
      if (!isPixelCount(ref.width) || !isPixelCount(ref.height)) return [];
      if (ref.width === image.width && ref.height === image.height) return [];
      const rotation = image.rotated ? " as displayed (after its EXIF rotation)" : "";
      return [
        {
          file: ref.file,
          path: at(ref.width !== image.width ? "width" : "height"),
          message: `image ${shownPath} is ${image.width}x${image.height} pixels${rotation}, but width and height say ${ref.width}x${ref.height}; expected width ${image.width} and height ${image.height}`,
        },
      ];
    }
  }
}

/**
 * Each distinct image is opened once, however many stories use it. `decode`: decode each whole
 * (content:check); the build reads headers only, and decodes what it encodes.
 */
export async function checkImages(
  dataDir: string,
  refs: PhotoRef[],
  decode = false,
): Promise<ContentError[]> {
  const sources = [...new Set(refs.map((ref) => ref.src))];
  const root = dataRoot(dataDir);
  const probes = await mapLimit(sources, 8, (src) => probe(dataDir, root, src, decode));
  const bySource = new Map(sources.map((src, i) => [src, probes[i] as ImageProbe]));
  return refs.flatMap((ref) => imageErrors(dataDir, ref, bySource.get(ref.src) as ImageProbe));
}

/**
 * Adds the photos a story shows to `photos`, once per image file, keyed by its src, and
 * returns its body's, each with its block's index. A body may have holes (a story the build
 * already knows keeps only its photo blocks, at their indexes: see validate.ts).
 */
export function addStoryPhotos(
  photos: Map<string, Photo>,
  story: Story,
): [index: number, photo: Photo][] {
  if (story.photo) photos.set(story.photo.src, story.photo);
  const bodyPhotos: [number, Photo][] = [];
  story.body.forEach((block, index) => {
    if (block.type !== "photo") return;
    photos.set(block.photo.src, block.photo);
    bodyPhotos.push([index, block.photo]);
  });
  return bodyPhotos;
}

/** The srcs of the photos a story shows: its lead photo's, then its body's, in order. */
export function photoSrcsOf(story: Story): string[] {
  const srcs = story.photo ? [story.photo.src] : [];
  for (const block of story.body) if (block?.type === "photo") srcs.push(block.photo.src);
  return srcs;
}
