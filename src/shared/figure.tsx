import type { Photo } from "@/content/api-types";
import type { TextDirection } from "@/content/text-direction";

type Props = {
  photo: Photo;
  /** Above the fold: load at once and ask for it first (the page's LCP image). */
  priority?: boolean;
  lang: string;
  dir: TextDirection;
};

/**
 * A photo with its caption. The visually hidden "Image caption, " tells a screen reader user
 * that the text that follows describes the picture, as BBC's World Service does; the credit
 * sits apart so it is never read as part of the caption.
 */
export function Figure({ photo, priority = false, lang, dir }: Props) {
  return (
    <figure className="reading-figure">
      <img
        src={`/${photo.src}`}
        alt={photo.alt}
        width={photo.width}
        height={photo.height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding="async"
        className="h-auto w-full rounded bg-[var(--color-placeholder)]"
      />
      {photo.caption || photo.credit ? (
        <figcaption
          lang={lang}
          dir={dir}
          className="mt-2 text-[0.875em] leading-normal text-[var(--color-muted)]"
        >
          <span className="sr-only">Image caption, </span>
          {photo.caption ? <span>{photo.caption}</span> : null}
          {photo.credit ? (
            <span className="block text-[0.8125em] uppercase tracking-wide">{photo.credit}</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
