import { useQuery } from "@tanstack/react-query";
import { specialReportsQuery } from "@/content/api-client";
import { StoryLinkList } from "@/shared/story-link-list";

export function SpecialReports() {
  const { data } = useQuery(specialReportsQuery());
  // Until its list has arrived (a story page is prerendered without it, as without the
  // breaking stories, and offline it may never come) there is no section rather than one that
  // says "none".
  if (data === undefined) return null;
  return (
    <section aria-labelledby="special-report-heading" className="special-reports">
      <h2 id="special-report-heading" className="section-heading">
        Special Report
      </h2>
      {data.stories.length === 0 ? (
        <p className="text-[var(--color-muted)]">No special reports right now.</p>
      ) : (
        <StoryLinkList
          stories={data.stories}
          className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1"
          linkClassName="related-link"
        />
      )}
    </section>
  );
}
