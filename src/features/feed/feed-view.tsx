import { useQuery, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { feedQuery, topicsQuery } from "@/content/api-client";
import { API_PATHS, BREAKING_DESCRIPTION, FEED_PAGE_SIZE } from "@/content/api-types";
import { feedScreens } from "@/features/feed/feed-stories";
import { LoadMoreButton } from "@/features/feed/load-more-button";
import { clampPageCount, parsePageParam } from "@/features/feed/page-param";
import { StoryCard } from "@/features/feed/story-card";
import { FeedHeadTags } from "@/shared/head-tags";
import { PartErrorBoundary } from "@/shared/part-error-boundary";
import { useFocusFirstNew } from "@/shared/use-focus-first-new";
import { withBase } from "@/shared/with-base";

/**
 * A feed: the pages the URL asks for, and "Load more". The URL (`?page=N`, replaced, never
 * pushed) is the source of truth for how many pages show, so reload, Back and a shared link
 * agree; the query cache only holds what has been fetched.
 */
export function FeedView({ feed }: { feed: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { data, fetchNextPage, isFetchNextPageError, isPaused } = useSuspenseInfiniteQuery(
    feedQuery(feed),
  );
  const topics = useQuery(topicsQuery()).data;
  const description =
    topics?.find((topic) => topic.slug === feed)?.description ?? BREAKING_DESCRIPTION;
  const screens = feedScreens(data.pages);
  const pageCount = screens.screenCount;
  const requested = parsePageParam(searchParams.get("page"));
  const shown = Math.min(clampPageCount(requested, pageCount), screens.ready);
  const stories = screens.stories.slice(0, shown * FEED_PAGE_SIZE);
  const title = screens.head.title;

  const [announcement, setAnnouncement] = useState("");
  /** The first new story's place in the list, while a Load more is on its way to the screen. */
  const list = useRef<HTMLOListElement>(null);

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

  const focusFirstNew = useFocusFirstNew(list, stories.length, "h2 a", setAnnouncement);

  const hasMore = shown < pageCount;
  const nextReady = screens.ready > shown;
  const nextArchivePage = nextReady ? null : (data.pages.at(-1)?.next ?? null);
  // `waiting`: the reader pressed Load more and the page is not here yet; `failed`: that press
  // ended in an error. A prefetch that fails stays silent: the next press simply retries.
  const [waiting, setWaiting] = useState(false);
  const [failed, setFailed] = useState(false);

  const showNextPage = () => {
    focusFirstNew(stories.length);
    // The same words again ("10 more stories loaded") are only announced if they change.
    setAnnouncement("");
    setSearchParams(
      (params) => {
        params.set("page", String(shown + 1));
        return params;
      },
      // flushSync: the stories are already in the cache; paint them now, not in a transition.
      { replace: true, preventScrollReset: true, flushSync: true },
    );
  };

  const loadMore = async () => {
    if (!hasMore || waiting) return;
    if (!nextReady) {
      setWaiting(true);
      setFailed(false);
      // Joins a prefetch already in flight instead of starting the request again.
      const result = await fetchNextPage({ cancelRefetch: false });
      setWaiting(false);
      if (result.isError || !result.data || feedScreens(result.data.pages).ready <= shown) {
        setFailed(true);
        return;
      }
    }
    showNextPage();
  };

  // The next page is fetched as the reader nears the button, so pressing it is instant.
  const prefetchNext = useEffectEvent(() => {
    // After a prefetch has failed (and used its retries), only the reader's press tries again.
    if (hasMore && !nextReady && !failed && !isFetchNextPageError)
      void fetchNextPage({ cancelRefetch: false });
  });
  const loadMoreArea = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: observing anew for each page count reports the button's position at once, so the page after next is prefetched even when the button never left the viewport
  useEffect(() => {
    const area = loadMoreArea.current;
    if (!area || !("IntersectionObserver" in window)) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) prefetchNext();
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(area);
    return () => observer.disconnect();
  }, [shown]);

  const topicName = (slug: string | undefined) => topics?.find((t) => t.slug === slug)?.name;

  return (
    <div className="reading-text">
      <title>{`${title} — Dispatch`}</title>
      <meta name="description" content={description} />
      <FeedHeadTags feed={feed} title={title} description={description} />
      <h1 tabIndex={-1} className="page-heading">
        {title}
      </h1>
      {stories.length === 0 ? (
        <p className="py-6">No stories here yet.</p>
      ) : (
        <ol
          ref={list}
          className="divide-y divide-[var(--color-rule)]"
          aria-label={`${title} stories`}
        >
          {stories.map((story, index) => (
            <li key={story.id}>
              <PartErrorBoundary resetKey={story} message="This story could not be shown.">
                <StoryCard
                  story={story}
                  topicName={topicName(story.topics[0])}
                  priority={index === 0}
                />
              </PartErrorBoundary>
            </li>
          ))}
        </ol>
      )}
      <div
        ref={loadMoreArea}
        className="mt-4 flex min-h-16 flex-col items-start gap-2 border-t border-[var(--color-rule)] pt-6"
      >
        {waiting && isPaused ? (
          // Said in words, not only on the button: every story loaded so far stays.
          <p>
            The next stories need a connection. They load by themselves once you are back online.
          </p>
        ) : null}
        {failed ? (
          <p role="alert" className="text-[var(--color-error)]">
            More stories could not be loaded. Check your connection and try again.
          </p>
        ) : null}
        {hasMore ? (
          <LoadMoreButton
            onLoad={loadMore}
            waiting={waiting}
            paused={isPaused}
            failed={failed}
            preload={
              nextArchivePage === null
                ? null
                : withBase(API_PATHS.feedArchive(feed, nextArchivePage))
            }
            onPointerEnter={prefetchNext}
            onFocus={prefetchNext}
          />
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
