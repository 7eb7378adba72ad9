import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from "react-router";
import { feedQuery, fetchFeedChunk } from "@/content/api-client";
import { BREAKING_FEED } from "@/content/api-types";
import { feedScreens } from "@/features/feed/feed-stories";
import { parsePageParam } from "@/features/feed/page-param";

/**
 * Makes sure every page the URL asks for is in the cache before the feed renders, so reload,
 * a shared `?page=3` link and Back all render the same stories synchronously and the router
 * can restore the scroll position.
 */
export const feedLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const feed = params.slug ?? BREAKING_FEED;
    const options = feedQuery(feed);
    const data = await queryClient.ensureInfiniteQueryData(options);
    if (data.pages.length === 0) return null;
    const requested = parsePageParam(new URL(request.url).searchParams.get("page"));
    // Fetch only the missing archive pages, side by side, and append them in order.
    const missing = feedScreens(data.pages).missing(requested);
    if (missing.length === 0) return null;
    const have = data.pages.length;
    const pages = await Promise.all(
      missing.map((page) => fetchFeedChunk(feed, page, request.signal)),
    );
    // Appended only onto the pages they follow: a Load more that landed meanwhile already
    // added the next page, and the feed shows what the cache has.
    queryClient.setQueryData(options.queryKey, (current) =>
      current?.pages.length === have
        ? { pages: [...current.pages, ...pages], pageParams: [...current.pageParams, ...missing] }
        : current,
    );
    return null;
  };

/**
 * Load more changes only `?page=`, after it has already put the page in the cache: running the
 * loader again would only delay the paint. Any other change revalidates as usual.
 */
export function feedShouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs): boolean {
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate;
  const withoutPage = (url: URL) => {
    const params = new URLSearchParams(url.search);
    params.delete("page");
    return params.toString();
  };
  return withoutPage(currentUrl) === withoutPage(nextUrl) ? false : defaultShouldRevalidate;
}
