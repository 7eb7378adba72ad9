import { textDirection } from "@/content/text-direction";
import type { SearchHit } from "@/features/search/search-stories";
import { StoryHeadline } from "@/shared/story-headline";
import { StoryTime } from "@/shared/story-time";

/**
 * One result: the headline as the link, the words around the matches (each match marked),
 * the topic and the date, in the story's own language and direction. Every word is text:
 * only the marks Pagefind put round the matches become elements.
 */
export function SearchResultItem({ hit }: { hit: SearchHit }) {
  const result = hit.result;
  if (!result) return null;
  const dir = textDirection(result.lang);
  return (
    <article lang={result.lang} dir={dir} className="search-result">
      <StoryHeadline id={result.id}>{result.headline}</StoryHeadline>
      <p className="leading-relaxed">
        {result.excerpt.map((part, index) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one excerpt never move
          part.marked ? <mark key={index}>{part.text}</mark> : part.text,
        )}
      </p>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[0.875em] text-[var(--color-muted)]">
        {result.topic ? (
          <span lang="en" dir="ltr" className="font-semibold text-[var(--color-accent-text)]">
            {result.topic}
          </span>
        ) : null}
        {result.date ? <StoryTime iso={result.date} lang={result.lang} /> : null}
      </p>
    </article>
  );
}
