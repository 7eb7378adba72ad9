import type { Photo } from "../../src/content/api-types.ts";
import { variantUrl, variantWidths } from "../../src/shared/responsive-image.ts";

/** The file a photo's link opens: a JPEG (every browser shows one) at most 640 px wide. */
export function litePhotoPath(photo: Photo): string {
  const widths = variantWidths(photo.width);
  const width = widths.filter((candidate) => candidate <= 640).pop() ?? widths[0] ?? photo.width;
  return variantUrl(photo.src, width, "jpg");
}

/** `38 KB`, from bytes: what following the link costs. */
export function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}
