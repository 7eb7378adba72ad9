import { useQuery } from "@tanstack/react-query";
import { breakingQuery } from "@/content/api-client";
import { StoryLinkList } from "@/shared/story-link-list";

/**
 * Every breaking story at once, as plain links: nothing rotates or moves by itself, so a
 * reader never has to chase a headline (WCAG 2.2.2).
 */
export function BreakingBanner() {
  const stories = useQuery(breakingQuery()).data?.stories ?? [];
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="breaking-label" className="breaking-banner">
      <div className="page-frame flex flex-col gap-2 py-3 sm:flex-row sm:items-baseline sm:gap-4">
        <p id="breaking-label" className="shrink-0 font-bold uppercase tracking-wide">
          Breaking News
        </p>
        <StoryLinkList
          stories={stories}
          className="grid gap-x-6 text-[0.875rem] sm:grid-cols-2 sm:text-[0.9375rem]"
          linkClassName="underline underline-offset-2"
        />
      </div>
    </section>
  );
}
