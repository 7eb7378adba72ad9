import type { QueryClient } from "@tanstack/react-query";
import { type LoaderFunctionArgs, type RouteObject, replace } from "react-router";
import { canonicalPath } from "@/app/canonical-path";
import { NotFoundView } from "@/app/not-found-page";
import { RootLayout } from "@/app/root-layout";
import { RouteError } from "@/app/route-error";
import { importWhenOnline } from "@/app/route-module";
import { breakingQuery, specialReportsQuery, topicsQuery } from "@/content/api-client";
import { feedLoader, feedShouldRevalidate } from "@/features/feed/feed-loader";
import { loadSearchPage } from "@/features/search/site-search";
import { storyLoader } from "@/features/story/story-loader";
import { sitePathOf } from "@/shared/with-base";

// Page components load with their route, so a story page never downloads feed-only code.
// Loaders stay in the main bundle: they are tiny and start the data fetch without waiting
// for the component's code.
const feedModule = () => importWhenOnline(() => import("@/features/feed/feed-routes"));
const storyModule = () => importWhenOnline(() => import("@/features/story/story-page"));
const searchModule = () => importWhenOnline(loadSearchPage);
const offlineModule = () => importWhenOnline(() => import("@/features/offline/offline-routes"));

/**
 * The route table. Loaders fill the query cache before a page renders, so pages read cached
 * data synchronously (the router restores scroll on Back, and prerendering can reuse them).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const feed = canonical(feedLoader(queryClient));
  const story = canonical(storyLoader(queryClient));
  return [
    {
      id: "root",
      element: <RootLayout />,
      // The navigation, banner and Special Report are extras: if they fail, the page still loads.
      loader: async ({ request }) => {
        // A story page's HTML must not change when another story is published, so its banner
        // and Special Report are not prerendered: their components fetch them once the app runs.
        const highlights = sitePathOf(new URL(request.url).pathname).startsWith("/stories/")
          ? []
          : [breakingQuery(), specialReportsQuery()];
        await Promise.allSettled([
          queryClient.ensureQueryData(topicsQuery()),
          ...highlights.map((query) => queryClient.ensureQueryData(query)),
        ]);
        return null;
      },
      // Topics and highlights change only with a new build: no need to reload them per page.
      shouldRevalidate: () => false,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              loader: feed,
              shouldRevalidate: feedShouldRevalidate,
              lazy: async () => ({ Component: (await feedModule()).BreakingNewsFeed }),
            },
            {
              path: "topics/:slug",
              loader: feed,
              shouldRevalidate: feedShouldRevalidate,
              lazy: async () => ({ Component: (await feedModule()).TopicFeed }),
            },
            {
              path: "stories/:id",
              loader: story,
              lazy: async () => ({ Component: (await storyModule()).StoryPage }),
            },
            {
              path: "search",
              lazy: async () => ({ Component: (await searchModule()).SearchPage }),
            },
            { path: "saved", lazy: async () => ({ Component: (await offlineModule()).SavedPage }) },
            {
              path: "offline",
              lazy: async () => ({ Component: (await offlineModule()).OfflinePage }),
            },
            { path: "*", element: <NotFoundView /> },
          ],
        },
      ],
    },
  ];
}

/**
 * A page's loader, run only at the page's canonical address: `/Topics/Iran/` is replaced by
 * `/topics/iran` before anything is fetched for it.
 */
function canonical<T>(loader: (args: LoaderFunctionArgs) => T) {
  return (args: LoaderFunctionArgs) => {
    const url = new URL(args.request.url);
    // The router puts the base path back in front of the redirect.
    const path = canonicalPath(sitePathOf(url.pathname));
    if (path !== undefined) throw replace(`${path}${url.search}`);
    return loader(args);
  };
}
