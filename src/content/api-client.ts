import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import {
  API_PATHS,
  type FeedArchivePage,
  type FeedChunk,
  type FeedHead,
  type StoryList,
  type StoryPage,
  type Topic,
} from "@/content/api-types";
import { isContentId } from "@/content/content-id";
import { withBase } from "@/shared/with-base";

/**
 * Typed fetchers for the static JSON API and the query-option factories that hooks and route
 * loaders share, so a loader's prefetch and a component's read always hit the same cache entry.
 */

/** A request that found nothing: shown as "Page not found", never retried. */
export class NotFoundError extends Error {
  constructor(readonly url: string) {
    super(`Not found: ${url}`);
    this.name = "NotFoundError";
  }
}

/** Any other failure (network, server, malformed JSON): shown with "Try again". */
class ApiError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

/** An answer, as far as fetchJson reads one. */
type ApiResponse = Pick<Response, "ok" | "status" | "json">;
type Transport = (url: string, init: RequestInit) => Promise<ApiResponse>;
// API paths are paths inside the site; the browser asks for them under the base path.
let transport: Transport = (url, init) => fetch(withBase(url), init);
/** Whether an answer can be kept waiting by a network, and a request needs a time limit. */
let overNetwork = true;

/**
 * Prerendering answers API requests from the files the build has just emitted, so pages are
 * rendered with exactly the data the browser will later fetch, without a server (or a network
 * to wait for: its requests get no time limit, whose signals cost a fiftieth of each page).
 */
export function setApiTransport(next: Transport): void {
  transport = next;
  overNetwork = false;
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const timeout = overNetwork ? AbortSignal.timeout(REQUEST_TIMEOUT_MS) : undefined;
  const combined = signal && timeout ? AbortSignal.any([signal, timeout]) : (signal ?? timeout);
  let response: ApiResponse;
  try {
    response = await transport(url, { signal: combined, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = timeout?.aborted ? "the server took too long to answer" : "the network failed";
    throw new ApiError(url, `Could not load ${url}: ${reason}.`);
  }
  if (response.status === 404) throw new NotFoundError(url);
  if (!response.ok) {
    throw new ApiError(url, `Could not load ${url}: the server answered ${response.status}.`);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(url, `Could not load ${url}: the answer was not valid JSON.`);
  }
}

/**
 * Ids and slugs come from the address bar. One that can never name content (`../api/topics`,
 * `x?y`) is not found, and is never pasted into an API path where `..` would fetch another file.
 */
function fetchContent<T>(id: string, url: string, signal: AbortSignal): Promise<T> {
  return isContentId(id) ? fetchJson<T>(url, signal) : Promise.reject(new NotFoundError(url));
}

export const topicsQuery = () =>
  queryOptions({
    queryKey: ["topics"],
    queryFn: ({ signal }) => fetchJson<Topic[]>(API_PATHS.topics, signal),
  });

export const breakingQuery = () =>
  queryOptions({
    queryKey: ["breaking"],
    queryFn: ({ signal }) => fetchJson<StoryList>(API_PATHS.breaking, signal),
  });

export const specialReportsQuery = () =>
  queryOptions({
    queryKey: ["special-reports"],
    queryFn: ({ signal }) => fetchJson<StoryList>(API_PATHS.specialReports, signal),
  });

/** Fetches a feed's head (page 0) or one of its archive pages (1 is the oldest). */
export function fetchFeedChunk(feed: string, page: number, signal: AbortSignal) {
  return page === 0
    ? fetchContent<FeedHead>(feed, API_PATHS.feedHead(feed), signal)
    : fetchContent<FeedArchivePage>(feed, API_PATHS.feedArchive(feed, page), signal);
}

/**
 * The head, then archive pages from newer to older, each naming the next. Archive pages never
 * change, so however many stories were published after the head was fetched, the chunks join
 * without a story shown twice or skipped.
 */
export const feedQuery = (feed: string) =>
  infiniteQueryOptions({
    queryKey: ["feed", feed],
    queryFn: ({ pageParam, signal }): Promise<FeedChunk> => fetchFeedChunk(feed, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last: FeedChunk) => last.next ?? undefined,
  });

export const storyQuery = (id: string) =>
  queryOptions({
    queryKey: ["story", id],
    queryFn: ({ signal }) => fetchContent<StoryPage>(id, API_PATHS.story(id), signal),
  });
