import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef } from "react";
import { storyQuery } from "@/content/api-client";
import { Link } from "@/shared/link";
import { litePath, siteHref } from "@/shared/lite-paths";
import { useDataSaver } from "@/shared/use-data-saver";

type Props = {
  id: string;
  children: ReactNode;
  className?: string;
  /** Also prefetch when the link scrolls into view (for "next story"-style links). */
  prefetchInView?: boolean;
};

/**
 * A link to a story that fetches the story's JSON as soon as the reader shows intent (hover,
 * focus, touch) so the story page renders from cache the moment the link is followed. In data
 * saver mode it is a plain link to the story's lite page, and fetches nothing ahead.
 */
export function StoryLink({ id, children, className, prefetchInView = false }: Props) {
  const queryClient = useQueryClient();
  const prefetch = () => void queryClient.prefetchQuery(storyQuery(id));
  const inViewRef = useRef<HTMLAnchorElement>(null);
  const saver = useDataSaver();

  useEffect(() => {
    const element = inViewRef.current;
    if (saver || !prefetchInView || !element || !("IntersectionObserver" in window)) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        void queryClient.prefetchQuery(storyQuery(id));
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [id, prefetchInView, queryClient, saver]);

  if (saver) {
    return (
      <a href={siteHref(litePath.story(id))} className={className}>
        {children}
      </a>
    );
  }
  return (
    <Link
      to={`/stories/${id}`}
      ref={inViewRef}
      onMouseEnter={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
      className={className}
    >
      {children}
    </Link>
  );
}
