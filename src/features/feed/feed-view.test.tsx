import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { feedQuery, topicsQuery } from "@/content/api-client";
import type { FeedHead, StorySummary } from "@/content/api-types";
import { FeedView } from "@/features/feed/feed-view";

const summary = (id: string, overrides: Partial<StorySummary> = {}): StorySummary => ({
  id,
  headline: `Headline of ${id}`,
  summary: `Summary of ${id}.`,
  topics: ["science"],
  publishedAt: "2024-09-17T10:30:00Z",
  lang: "en",
  ...overrides,
});

function renderFeed(stories: StorySummary[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const head: FeedHead = {
    feed: "breaking-news",
    title: "Breaking News",
    total: stories.length,
    stories,
    next: null,
  };
  queryClient.setQueryData(feedQuery("breaking-news").queryKey, {
    pages: [head],
    pageParams: [0],
  });
  queryClient.setQueryData(topicsQuery().queryKey, [{ slug: "science", name: "Science" }]);
  const router = createMemoryRouter([{ path: "/", element: <FeedView feed="breaking-news" /> }]);
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe("FeedView", () => {
  it("shows a card that cannot be rendered as a note and keeps every other card", () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    // A date no clock can format: Intl throws while the card renders.
    renderFeed([
      summary("first"),
      summary("broken", { publishedAt: "not a date" }),
      summary("third"),
    ]);
    const list = screen.getByRole("list", { name: "Breaking News stories" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(within(items[0] as HTMLElement).getByRole("link")).toHaveTextContent(
      "Headline of first",
    );
    expect(items[1]).toHaveTextContent("This story could not be shown.");
    expect(within(items[2] as HTMLElement).getByRole("link")).toHaveTextContent(
      "Headline of third",
    );
    expect(reported).toHaveBeenCalled();
  });
});
