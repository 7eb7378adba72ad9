import { useQuery } from "@tanstack/react-query";
import { specialReportsQuery } from "@/content/api-client";
import { textDirection } from "@/content/text-direction";
import { StoryLink } from "@/shared/story-link";

export function SpecialReports() {
  const stories = useQuery(specialReportsQuery()).data?.stories ?? [];
  return (
    <section aria-labelledby="special-report-heading" className="page-frame mt-12">
      <h2 id="special-report-heading" className="section-heading">
        Special Report
      </h2>
      {stories.length === 0 ? (
        <p className="text-[var(--color-muted)]">No special reports right now.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {stories.map((story) => (
            <li key={story.id} lang={story.lang} dir={textDirection(story.lang)}>
              <StoryLink id={story.id} className="related-link">
                {story.headline}
              </StoryLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
