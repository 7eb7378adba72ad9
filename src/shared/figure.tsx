import { useEffect, useId, useRef, useState } from "react";
import type { Photo } from "@/content/api-types";
import { type TextDirection, textDirection } from "@/content/text-direction";
import { captionPrefixes } from "@/shared/caption-prefixes";
import { LATER_PHOTO_ATTRIBUTE, smallestSrcSet } from "@/shared/data-saver";
import {
  PHOTO_SHOWN_ATTRIBUTE,
  REPLAY_ATTRIBUTE,
  SHOW_PHOTO_REPLAY,
} from "@/shared/prerender-contract";
import {
  type ImageFormat,
  variantSrcSet,
  variantUrl,
  variantWidths,
} from "@/shared/responsive-image";
import { useDataSaver } from "@/shared/use-data-saver";
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
  /** Above the fold: ask for it first (the page's LCP image). */
  priority: boolean;
  /**
   * Requested as the parser meets it (a card's thumbnail), rather than after layout. A
   * story's photos are all lazy in the HTML, the first too: only a lazy image's `srcset` can
   * still be cut to its smallest width by the data saver's head script before it is requested
   * (src/start-up/before-paint.ts); an eager one is already on its way by then. Out of data
   * saver mode that script makes the first one eager as the parser inserts it.
   */
  eager: boolean;
  /** Data saver mode, a later photo not asked for: no file named, so none is requested. */
  held?: boolean;
  alt: string;
};

/** AVIF and WebP where the browser takes them, JPEG otherwise, each in widths from 320 px. */
function Picture({ photo, layout, priority, eager, held = false, alt }: PictureProps) {
  const sizes = PICTURE_SIZES[layout];
  const saver = useDataSaver();
  const srcSet = (format: ImageFormat) => {
    const all = variantSrcSet(photo.src, photo.width, format, withBase);
    if (held) return undefined;
    return saver ? smallestSrcSet(all) : all;
  };
  const widths = variantWidths(photo.width);
  const fallbackWidth =
    widths.find((width) => width >= 640) ?? widths[widths.length - 1] ?? photo.width;
  return (
    <picture>
      <source type="image/avif" srcSet={srcSet("avif")} sizes={sizes} />
      <source type="image/webp" srcSet={srcSet("webp")} sizes={sizes} />
      <img
        src={held ? undefined : withBase(variantUrl(photo.src, fallbackWidth, "jpg"))}
        srcSet={srcSet("jpg")}
        sizes={sizes}
        alt={alt}
        width={photo.width}
        height={photo.height}
        loading={eager ? "eager" : "lazy"}
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
  /**
   * Not the story's first photo: in data saver mode it waits behind a "Show photo" button
   * (answered by the start-up script before the app loads), its caption and credit shown.
   */
  later?: boolean;
  lang: string;
  dir: TextDirection;
};

/**
 * A story's photo with its caption. The visually hidden "Image caption, " tells a screen
 * reader user that the text that follows describes the picture, as BBC's World Service does,
 * in the story's language; the credit sits apart so it is never read as part of the caption.
 */
export function Figure({ photo, priority = false, later = false, lang, dir }: FigureProps) {
  const [shown, setShown] = useState(false);
  const captionId = useId();
  const saver = useDataSaver();
  const figure = useRef<HTMLElement>(null);
  // Shown before the app took over (the start-up script answered "Show photo").
  useEffect(() => {
    if (figure.current?.hasAttribute(PHOTO_SHOWN_ATTRIBUTE)) setShown(true);
  }, []);
  const prefixes = captionPrefixes(lang);
  // Prefixes in another language than the caption (English ones in an Arabic caption) carry
  // their own language and direction, so they are spoken with the right voice.
  const prefixLang =
    prefixes.lang === lang ? {} : { lang: prefixes.lang, dir: textDirection(prefixes.lang) };
  return (
    <figure
      ref={figure}
      className="reading-figure"
      {...{ [LATER_PHOTO_ATTRIBUTE]: later ? "" : undefined }}
      tabIndex={later ? -1 : undefined}
      {...{ [PHOTO_SHOWN_ATTRIBUTE]: shown ? "" : undefined }}
    >
      <Picture
        photo={photo}
        layout="story"
        priority={priority}
        eager={false}
        held={saver && later && !shown}
        alt={photo.alt}
      />
      {later ? (
        <button
          type="button"
          className="show-photo"
          aria-describedby={photo.caption || photo.credit ? captionId : undefined}
          onClick={(event) => {
            setShown(true);
            event.currentTarget.closest("figure")?.focus();
          }}
          {...{ [REPLAY_ATTRIBUTE]: SHOW_PHOTO_REPLAY }}
        >
          Show photo
        </button>
      ) : null}
      {photo.caption || photo.credit ? (
        <figcaption
          id={captionId}
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
      <Picture photo={photo} layout="card" priority={priority} eager={priority} alt="" />
    </div>
  );
}
