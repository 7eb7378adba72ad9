import type { StoryLink as StoryLinkData } from "@/content/api-types";
import { textDirection } from "@/content/text-direction";
import { StoryLink } from "@/shared/story-link";

type Props = {
  stories: StoryLinkData[];
  className?: string;
  linkClassName?: string;
  prefetchInView?: boolean;
};

/** Headlines as links, each in its own language and direction (banner, Special Report, related). */
export function StoryLinkList({ stories, className, linkClassName, prefetchInView }: Props) {
  return (
    <ul className={className}>
      {stories.map((story) => (
        <li key={story.id} lang={story.lang} dir={textDirection(story.lang)}>
          <StoryLink id={story.id} className={linkClassName} prefetchInView={prefetchInView}>
            {story.headline}
          </StoryLink>
        </li>
      ))}
    </ul>
  );
}
