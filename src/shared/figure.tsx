import type { Photo } from "@/content/api-types";
import { type TextDirection, textDirection } from "@/content/text-direction";
import { captionPrefixes } from "@/shared/caption-prefixes";
import { variantSrcSet, variantUrl, variantWidths } from "@/shared/responsive-image";
import { withBase } from "@/shared/with-base";

/**
 * How wide the picture is drawn, for the browser's choice of file: the full reading column
 * (at most 42em of LG text, 60rem) on a story; on a card a 6.5rem thumbnail on a phone and
 * 40% of the feed column from tablet width (the column is narrower beside the side column).
 */
const PICTURE_SIZES = {
  story: "(min-width: 64rem) 60rem, calc(100vw - 2rem)",
  card: "(min-width: 64rem) 19rem, (min-width: 48rem) 40vw, 6.5rem",
} as const;

type PictureProps = {
  photo: Photo;
  layout: keyof typeof PICTURE_SIZES;
  /** Above the fold: load at once and ask for it first (the page's LCP image). */
  priority: boolean;
  alt: string;
};

/** AVIF and WebP where the browser takes them, JPEG otherwise, each in widths from 320 px. */
function Picture({ photo, layout, priority, alt }: PictureProps) {
  const sizes = PICTURE_SIZES[layout];
  const widths = variantWidths(photo.width);
  const fallbackWidth =
    widths.find((width) => width >= 640) ?? widths[widths.length - 1] ?? photo.width;
  return (
    <picture>
      <source
        type="image/avif"
        srcSet={variantSrcSet(photo.src, photo.width, "avif", withBase)}
        sizes={sizes}
      />
      <source
        type="image/webp"
        srcSet={variantSrcSet(photo.src, photo.width, "webp", withBase)}
        sizes={sizes}
      />
      <img
        src={withBase(variantUrl(photo.src, fallbackWidth, "jpg"))}
        srcSet={variantSrcSet(photo.src, photo.width, "jpg", withBase)}
        sizes={sizes}
        alt={alt}
        width={photo.width}
        height={photo.height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding="async"
        className="h-auto w-full rounded bg-[var(--color-placeholder)]"
      />
    </picture>
  );
}

type FigureProps = {
  photo: Photo;
  priority?: boolean;
  lang: string;
  dir: TextDirection;
};

/**
 * A story's photo with its caption. The visually hidden "Image caption, " tells a screen
 * reader user that the text that follows describes the picture, as BBC's World Service does,
 * in the story's language; the credit sits apart so it is never read as part of the caption.
 */
export function Figure({ photo, priority = false, lang, dir }: FigureProps) {
  const prefixes = captionPrefixes(lang);
  // Prefixes in another language than the caption (English ones in an Arabic caption) carry
  // their own language and direction, so they are spoken with the right voice.
  const prefixLang =
    prefixes.lang === lang ? {} : { lang: prefixes.lang, dir: textDirection(prefixes.lang) };
  return (
    <figure className="reading-figure">
      <Picture photo={photo} layout="story" priority={priority} alt={photo.alt} />
      {photo.caption || photo.credit ? (
        <figcaption
          lang={lang}
          dir={dir}
          className="mt-2 text-[0.875em] leading-normal text-[var(--color-muted)]"
        >
          <span className="sr-only" data-pagefind-ignore="" {...prefixLang}>
            {prefixes.caption}
          </span>
          {photo.caption ? <span>{photo.caption}</span> : null}
          {photo.credit ? (
            <span className="block text-[0.8125em] uppercase tracking-wide">
              <span className="sr-only" data-pagefind-ignore="" {...prefixLang}>
                {prefixes.credit}
              </span>
              {photo.credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/**
 * A card's thumbnail. Decorative (`alt=""`): the headline beside it says what the story is,
 * and the caption and credit belong to the story page, so a screen reader hears each card once.
 */
export function Thumbnail({ photo, priority = false }: { photo: Photo; priority?: boolean }) {
  return (
    <div className="story-card-figure">
      <Picture photo={photo} layout="card" priority={priority} alt="" />
    </div>
  );
}
