import type { Photo } from "@/content/api-types";
import type { TextDirection } from "@/content/text-direction";
import { variantSrcSet, variantUrl, variantWidths } from "@/shared/responsive-image";

/**
 * How wide the picture is drawn, for the browser's choice of file: the full reading column
 * (at most 42em of LG text, 60rem) on a story, 40% of it beside a card from tablet width.
 */
const FIGURE_SIZES = {
  story: "(min-width: 64rem) 60rem, calc(100vw - 2rem)",
  card: "(min-width: 48rem) 24rem, calc(100vw - 2rem)",
} as const;

type Props = {
  photo: Photo;
  layout: keyof typeof FIGURE_SIZES;
  /** Above the fold: load at once and ask for it first (the page's LCP image). */
  priority?: boolean;
  lang: string;
  dir: TextDirection;
};

/**
 * A photo with its caption. AVIF and WebP where the browser takes them, JPEG otherwise, each in
 * widths from 320 px. The visually hidden "Image caption, " tells a screen reader user that
 * the text that follows describes the picture, as BBC's World Service does; the credit sits
 * apart so it is never read as part of the caption.
 */
export function Figure({ photo, layout, priority = false, lang, dir }: Props) {
  const sizes = FIGURE_SIZES[layout];
  const widths = variantWidths(photo.width);
  const fallbackWidth =
    widths.find((width) => width >= 640) ?? widths[widths.length - 1] ?? photo.width;
  return (
    <figure className="reading-figure">
      <picture>
        <source
          type="image/avif"
          srcSet={variantSrcSet(photo.src, photo.width, "avif")}
          sizes={sizes}
        />
        <source
          type="image/webp"
          srcSet={variantSrcSet(photo.src, photo.width, "webp")}
          sizes={sizes}
        />
        <img
          src={variantUrl(photo.src, fallbackWidth, "jpg")}
          srcSet={variantSrcSet(photo.src, photo.width, "jpg")}
          sizes={sizes}
          alt={photo.alt}
          width={photo.width}
          height={photo.height}
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : "auto"}
          decoding="async"
          className="h-auto w-full rounded bg-[var(--color-placeholder)]"
        />
      </picture>
      {photo.caption || photo.credit ? (
        <figcaption
          lang={lang}
          dir={dir}
          className="mt-2 text-[0.875em] leading-normal text-[var(--color-muted)]"
        >
          {/* English prefixes in a Persian caption are marked English, so they are not spoken
              with a Persian voice. */}
          <span className="sr-only" lang="en" dir="ltr">
            {"Image caption, "}
          </span>
          {photo.caption ? <span>{photo.caption}</span> : null}
          {photo.credit ? (
            <span className="block text-[0.8125em] uppercase tracking-wide">
              <span className="sr-only" lang="en" dir="ltr">
                {"Credit: "}
              </span>
              {photo.credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
