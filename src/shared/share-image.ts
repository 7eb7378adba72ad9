import type { Photo } from "@/content/api-types";
import { variantUrl, variantWidths } from "@/shared/responsive-image";

/**
 * The picture a link preview or feed reader shows for a story: the largest JPEG the build
 * makes of the lead photo (every reader takes JPEG, and the original is not what the site
 * serves). The height follows the resize, which keeps the aspect ratio.
 */
export function shareImage(photo: Photo): { path: string; width: number; height: number } {
  const widths = variantWidths(photo.width);
  const width = widths[widths.length - 1] ?? photo.width;
  return {
    path: variantUrl(photo.src, width, "jpg"),
    width,
    height: Math.round((photo.height * width) / photo.width),
  };
}
