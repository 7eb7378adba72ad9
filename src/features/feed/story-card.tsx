import type { StorySummary } from "@/content/api-types";
import { textDirection } from "@/content/text-direction";
import { Thumbnail } from "@/shared/figure";
import { StoryHeadline } from "@/shared/story-headline";
import { StoryTime } from "@/shared/story-time";

type Props = {
  story: StorySummary;
  topicName: string | undefined;
  /** The first card's photo may be the page's largest paint: fetch it first. */
  priority: boolean;
};

/**
 * A card: headline, summary, topic and time beside a small thumbnail on a phone (the words
 * flow round it), the photo at 40% from tablet width. The thumbnail comes first in the source
 * so it can sit at the top beside the headline; it is decorative, so nothing is read out of
 * order.
 */
export function StoryCard({ story, topicName, priority }: Props) {
  const dir = textDirection(story.lang);
  return (
    <article
      lang={story.lang}
      dir={dir}
      className={story.photo ? "story-card story-card-with-photo" : "story-card"}
    >
      {story.photo ? <Thumbnail photo={story.photo} priority={priority} /> : null}
      <StoryHeadline id={story.id} className="story-card-headline">
        {story.headline}
      </StoryHeadline>
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
