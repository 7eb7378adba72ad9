import { useQuery } from "@tanstack/react-query";
import { breakingQuery } from "@/content/api-client";
import { InPageLink } from "@/shared/in-page-link";
import { StoryLinkList } from "@/shared/story-link-list";

/** The banner shows the newest story on a phone and the newest three on a wider screen. */
const BANNER_WIDE = 3;
const BANNER_PHONE = 1;
const MORE_ID = "more-breaking";

/**
 * The newest breaking stories, as plain links: nothing rotates or moves by itself, so a reader
 * never has to chase a headline (WCAG 2.2.2). The rest wait in the side column (MoreBreaking),
 * one jump away. How many show is the stylesheet's choice by width, so the prerendered page is
 * the same for every screen.
 */
export function BreakingBanner() {
  const stories = useQuery(breakingQuery()).data?.stories ?? [];
  if (stories.length === 0) return null;
  const restOnPhone = stories.length - BANNER_PHONE;
  const restWide = stories.length - BANNER_WIDE;
  return (
    <section aria-labelledby="breaking-label" className="breaking-banner print:hidden">
      <div className="page-frame breaking-banner-inner">
        <p id="breaking-label" className="breaking-label">
          Breaking News
        </p>
        <StoryLinkList
          stories={stories.slice(0, BANNER_WIDE)}
          className="breaking-list"
          linkClassName="underline underline-offset-2"
        />
        {restOnPhone > 0 ? (
          // One jump to the side column; from tablet width only when three are not all.
          <InPageLink
            target={MORE_ID}
            className={restWide > 0 ? "breaking-more-link" : "breaking-more-link md:hidden"}
          >
            More breaking stories
          </InPageLink>
        ) : null}
      </div>
    </section>
  );
}

/**
 * The breaking stories the banner has no room for, in the side column (beside the page on a
 * wide screen, after it on a phone). On a phone's story page the banner itself is left out so
 * the story comes first, and this list holds every breaking story.
 */
export function MoreBreaking({ currentStory }: { currentStory?: string }) {
  const stories = useQuery(breakingQuery()).data?.stories ?? [];
  // A story page does not offer the reader the story they are reading.
  const listed = stories.filter((story) => story.id !== currentStory);
  if (listed.length === 0) return null;
  return (
    <section
      id={MORE_ID}
      tabIndex={-1}
      aria-labelledby="more-breaking-heading"
      className="more-breaking focus:outline-none"
      data-rest-phone={stories.length - BANNER_PHONE}
      data-rest-wide={Math.max(0, stories.length - BANNER_WIDE)}
    >
      <h2 id="more-breaking-heading" className="section-heading">
        More breaking stories
      </h2>
      <StoryLinkList stories={listed} className="grid gap-2" linkClassName="related-link" />
    </section>
  );
}
