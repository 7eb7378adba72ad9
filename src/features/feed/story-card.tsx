import type { StorySummary } from "@/content/api-types";
import { textDirection } from "@/content/text-direction";
import { Figure } from "@/shared/figure";
import { StoryLink } from "@/shared/story-link";
import { StoryTime } from "@/shared/story-time";

type Props = {
  story: StorySummary;
  topicName: string | undefined;
  /** The first card's photo is the page's largest paint: fetch it first. */
  priority: boolean;
};

export function StoryCard({ story, topicName, priority }: Props) {
  const dir = textDirection(story.lang);
  return (
    <article lang={story.lang} dir={dir} className="story-card">
      <h2 className="story-card-headline text-[1.25em] font-bold leading-snug">
        {/* Inline, a one-line headline at XS is under 24 px tall (2.5.8); as an inline-block
            its line height counts, and min-h-6 keeps the floor whatever the font. */}
        <StoryLink
          id={story.id}
          className="inline-block min-h-6 underline-offset-4 hover:underline focus-visible:underline"
        >
          {story.headline}
        </StoryLink>
      </h2>
      {story.photo ? (
        <div className="story-card-figure">
          <Figure
            photo={story.photo}
            layout="card"
            priority={priority}
            lang={story.lang}
            dir={dir}
          />
        </div>
      ) : null}
      <p className="story-card-summary leading-relaxed">{story.summary}</p>
      <p className="story-card-meta flex flex-wrap items-center gap-x-3 gap-y-1 text-[0.875em] text-[var(--color-muted)]">
        {story.sample ? (
          <span dir="ltr" lang="en" className="sample-label">
            Sample story
          </span>
        ) : null}
        {topicName ? (
          // Topic names are the site's own words (English), also on a Persian story's card.
          <span lang="en" dir="ltr" className="font-semibold text-[var(--color-accent-text)]">
            {topicName}
          </span>
        ) : null}
        <StoryTime iso={story.publishedAt} lang={story.lang} />
      </p>
    </article>
  );
}
