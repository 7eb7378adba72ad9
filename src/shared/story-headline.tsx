import type { ReactNode } from "react";
import { StoryLink } from "@/shared/story-link";

/**
 * A story's headline as the link to it, in a list of stories (feed cards, search results).
 * Inline, a one-line headline at XS is under 24 px tall (2.5.8); as a block its line height
 * counts, and min-h-6 keeps the floor whatever the font. A block (not an inline-block, which
 * would be as wide as the card) wraps beside a card's thumbnail.
 */
export function StoryHeadline({
  id,
  children,
  className,
}: {
  id: string;
  children: ReactNode;
  /** The list's own class for the heading, before the shared ones. */
  className?: string;
}) {
  const classes = "text-[1.25em] font-bold leading-snug";
  return (
    <h2 className={className ? `${className} ${classes}` : classes}>
      <StoryLink
        id={id}
        className="block min-h-6 underline-offset-4 hover:underline focus-visible:underline"
      >
        {children}
      </StoryLink>
    </h2>
  );
}
