import { useQuery } from "@tanstack/react-query";
import { specialReportsQuery } from "@/content/api-client";
import { StoryLinkList } from "@/shared/story-link-list";

export function SpecialReports() {
  const { data } = useQuery(specialReportsQuery());
  return (
    <section aria-labelledby="special-report-heading" className="special-reports">
      <h2 id="special-report-heading" className="section-heading">
        Special Report
      </h2>
      {/* Until its list has arrived (a story page is prerendered without it, and offline it may
          never come) the section says nothing rather than "none". */}
      {data === undefined ? null : data.stories.length === 0 ? (
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
