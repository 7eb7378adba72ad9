import { useQuery, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { feedQuery, topicsQuery } from "@/content/api-client";
import { FEED_PAGE_SIZE } from "@/content/api-types";
import { clampPageCount, parsePageParam } from "@/features/feed/page-param";
import { StoryCard } from "@/features/feed/story-card";
import { REPLAY_ATTRIBUTE } from "@/shared/prerender-contract";

/**
 * A feed: the pages the URL asks for, and "Load more". The URL (`?page=N`, replaced, never
 * pushed) is the source of truth for how many pages show, so reload, Back and a shared link
 * agree; the query cache only holds what has been fetched.
 */
export function FeedView({ feed }: { feed: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { data, fetchNextPage, isFetchingNextPage, isFetchNextPageError } =
    useSuspenseInfiniteQuery(feedQuery(feed));
  const topics = useQuery(topicsQuery()).data;
  const description =
    topics?.find((topic) => topic.slug === feed)?.description ??
    "The latest stories from the Dispatch newsroom, newest first.";
  const pageCount = data.pages[0]?.pageCount ?? 1;
  const requested = parsePageParam(searchParams.get("page"));
  const shown = Math.min(clampPageCount(requested, pageCount), data.pages.length);
  const stories = data.pages.slice(0, shown).flatMap((page) => page.stories);
  const title = data.pages[0]?.title ?? "";

  const [announcement, setAnnouncement] = useState("");
  const focusIndex = useRef<number | null>(null);
  const headlineRefs = useRef(new Map<number, HTMLAnchorElement>());

  // A typed `?page=abc` or `?page=99` is shown as the nearest real count; say so in the URL.
  const normalized = shown <= 1 ? null : String(shown);
  useEffect(() => {
    if (searchParams.get("page") === normalized) return;
    setSearchParams(
      (params) => {
        if (normalized === null) params.delete("page");
        else params.set("page", normalized);
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [normalized, searchParams, setSearchParams]);

  useEffect(() => {
    if (focusIndex.current === null) return;
    const target = headlineRefs.current.get(focusIndex.current);
    if (!target) return;
    const added = stories.length - focusIndex.current;
    focusIndex.current = null;
    target.focus();
    setAnnouncement(`${added} more ${added === 1 ? "story" : "stories"} loaded`);
  }, [stories.length]);

  const loadMore = async () => {
    if (isFetchingNextPage || shown >= pageCount) return;
    if (data.pages.length <= shown) {
      const result = await fetchNextPage();
      if (result.isError || (result.data?.pages.length ?? 0) <= shown) return;
    }
    focusIndex.current = shown * FEED_PAGE_SIZE;
    setSearchParams(
      (params) => {
        params.set("page", String(shown + 1));
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  const topicName = (slug: string | undefined) => topics?.find((t) => t.slug === slug)?.name;

  return (
    <div className="reading-text">
      <title>{`${title} — Dispatch`}</title>
      <meta name="description" content={description} />
      <h1 tabIndex={-1} className="page-heading">
        {title}
      </h1>
      {stories.length === 0 ? (
        <p className="py-6">No stories here yet.</p>
      ) : (
        <ol className="divide-y divide-[var(--color-rule)]" aria-label={`${title} stories`}>
          {stories.map((story, index) => (
            <li key={story.id}>
              <StoryCard
                story={story}
                topicName={topicName(story.topics[0])}
                priority={index === 0}
                headlineRef={(element) => {
                  if (element) headlineRefs.current.set(index, element);
                  else headlineRefs.current.delete(index);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <div className="mt-4 flex min-h-16 flex-col items-start gap-2 border-t border-[var(--color-rule)] pt-6">
        {isFetchNextPageError ? (
          <p role="alert" className="text-[var(--color-error)]">
            More stories could not be loaded. Check your connection and try again.
          </p>
        ) : null}
        {shown < pageCount ? (
          <button
            type="button"
            onClick={loadMore}
            {...{ [REPLAY_ATTRIBUTE]: "load-more" }}
            aria-disabled={isFetchingNextPage}
            className="button-primary"
          >
            {isFetchingNextPage
              ? "Loading more stories…"
              : isFetchNextPageError
                ? "Try again"
                : "Load more"}
          </button>
        ) : stories.length > 0 ? (
          <p className="text-[var(--color-muted)]">You’re all caught up.</p>
        ) : null}
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    </div>
  );
}
