/**
 * The responsive variants the build makes of every photo (scripts/images/responsive-images.ts)
 * and the URLs the client asks for. One table, so the `srcset` never names a file that was not
 * built.
 */

const IMAGE_WIDTHS = [320, 640, 960, 1280] as const;
export const IMAGE_FORMATS = ["avif", "webp", "jpg"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Every standard width below the original, plus the original (capped at the largest). */
export function variantWidths(originalWidth: number): number[] {
  const largest = Math.min(originalWidth, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ?? originalWidth);
  return [...IMAGE_WIDTHS.filter((width) => width < largest), largest];
}

/** `images/harbour.jpg` at 640 px as WebP -> `/images/harbour-640.webp`. */
export function variantUrl(src: string, width: number, format: ImageFormat): string {
  return `/${src.replace(/\.[^./]+$/, "")}-${width}.${format}`;
}

/** `href`: the address a path inside the site has in the page (the app's withBase). */
export function variantSrcSet(
  src: string,
  originalWidth: number,
  format: ImageFormat,
  href: (sitePath: string) => string = (sitePath) => sitePath,
): string {
  return variantWidths(originalWidth)
    .map((width) => `${href(variantUrl(src, width, format))} ${width}w`)
    .join(", ");
}
