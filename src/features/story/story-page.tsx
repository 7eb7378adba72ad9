import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { storyQuery, topicsQuery } from "@/content/api-client";
import type { StoryLink as StoryLinkData, StorySummary } from "@/content/api-types";
import { textDirection } from "@/content/text-direction";
import { readingMinutes } from "@/features/story/reading-time";
import { SaveForOffline } from "@/features/story/save-for-offline";
import { ShareButton } from "@/features/story/share-button";
import { StoryBlocks } from "@/features/story/story-blocks";
import { Figure } from "@/shared/figure";
import { StoryHeadTags } from "@/shared/head-tags";
import { Link } from "@/shared/link";
import { StoryLink } from "@/shared/story-link";
import { StoryLinkList } from "@/shared/story-link-list";
import { StoryTime } from "@/shared/story-time";

export function StoryPage() {
  const { id = "" } = useParams();
  const { story, previous, next, related } = useSuspenseQuery(storyQuery(id)).data;
  const topics = useQuery(topicsQuery()).data ?? [];
  const dir = textDirection(story.lang);
  const storyTopics = story.topics.map(
    (slug) => topics.find((topic) => topic.slug === slug) ?? { slug, name: slug },
  );
  const minutes = readingMinutes(story);

  return (
    <div className="reading-text">
      <title>{`${story.headline} — Dispatch`}</title>
      <meta name="description" content={story.summary} />
      <StoryHeadTags story={story} topics={topics} />
      {/* The search index (scripts/search/search-index.ts) reads the article alone: headline,
          summary, captions and text; the date, language and topics become result metadata
          and the topic filter. */}
      <article
        lang={story.lang}
        dir={dir}
        data-pagefind-body=""
        data-pagefind-meta={`date:${story.publishedAt}`}
      >
        <header className="grid gap-3" data-pagefind-meta={`lang:${story.lang}`}>
          <h1 tabIndex={-1} className="page-heading">
            {story.headline}
          </h1>
          <p className="standfirst">{story.summary}</p>
          <div className="story-meta" data-pagefind-ignore="">
            {/* After the headline, so a phone shows the headline at the top of the screen. */}
            {story.sample ? (
              <p lang="en" dir="ltr" className="sample-label">
                Sample story
              </p>
            ) : null}
            {story.byline ? <p className="font-semibold">{story.byline}</p> : null}
            {story.source ? (
              <p>
                <span lang="en" dir="ltr">
                  Source:
                </span>{" "}
                {story.source}
              </p>
            ) : null}
            <p className="flex flex-wrap gap-x-3">
              <StoryTime iso={story.publishedAt} lang={story.lang} />
              {story.updatedAt ? (
                <span>
                  <span lang="en" dir="ltr">
                    Updated
                  </span>{" "}
                  <StoryTime iso={story.updatedAt} lang={story.lang} />
                </span>
              ) : null}
              <span lang="en" dir="ltr">
                {minutes} min read
              </span>
            </p>
          </div>
        </header>
        {story.photo ? <Figure photo={story.photo} priority lang={story.lang} dir={dir} /> : null}
        {story.dateline ? (
          <p className="dateline">
            <span className="font-bold">{story.dateline}</span> —
          </p>
        ) : null}
        <StoryBlocks
          blocks={story.body}
          lang={story.lang}
          dir={dir}
          photoAbove={story.photo !== undefined}
        />
        <footer
          className="mt-8 grid gap-4 border-t border-[var(--color-rule)] pt-4 print:hidden"
          lang="en"
          dir="ltr"
          data-pagefind-ignore=""
        >
          <ShareButton path={`/stories/${story.id}`} title={story.headline} />
          <SaveForOffline id={story.id} />
          <h2 className="sr-only">Topics</h2>
          <ul className="flex flex-wrap gap-2">
            {storyTopics.map((topic, index) => (
              <li key={topic.slug}>
                <Link
                  to={`/topics/${topic.slug}`}
                  className="chip"
                  data-pagefind-filter="topic"
                  data-pagefind-meta={index === 0 ? "topic" : undefined}
                >
                  {topic.name}
                </Link>
              </li>
            ))}
          </ul>
        </footer>
      </article>
      <StoryNeighbours previous={previous} next={next} />
      <RelatedStories stories={related} />
    </div>
  );
}

function StoryNeighbours({
  previous,
  next,
}: {
  previous: StoryLinkData | null;
  next: StoryLinkData | null;
}) {
  if (!previous && !next) return null;
  return (
    <nav
      aria-label="Previous and next story"
      className="mt-10 grid gap-3 sm:grid-cols-2 print:hidden"
    >
      {previous ? <NeighbourLink label="Previous story" story={previous} /> : null}
      {next ? <NeighbourLink label="Next story" story={next} className="sm:col-start-2" /> : null}
    </nav>
  );
}

function NeighbourLink({
  label,
  story,
  className = "",
}: {
  label: string;
  story: StoryLinkData;
  className?: string;
}) {
  return (
    <StoryLink id={story.id} prefetchInView className={`neighbour-link ${className}`}>
      <span className="block text-[0.875em] font-semibold text-[var(--color-muted)]">{label}</span>
      <span lang={story.lang} dir={textDirection(story.lang)} className="block">
        {story.headline}
      </span>
    </StoryLink>
  );
}

function RelatedStories({ stories }: { stories: StorySummary[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-10 print:hidden">
      <h2 id="related-heading" className="section-heading">
        Related stories
      </h2>
      <StoryLinkList
        stories={stories}
        className="grid gap-2"
        linkClassName="related-link"
        prefetchInView
      />
    </section>
  );
}
