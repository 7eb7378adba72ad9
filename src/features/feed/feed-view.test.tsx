import { virtual } from "@guidepup/virtual-screen-reader";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { feedQuery, topicsQuery } from "@/content/api-client";
import type { FeedArchivePage, FeedHead, StorySummary } from "@/content/api-types";
import { FeedView } from "@/features/feed/feed-view";
import { SCREEN_READER_TIMEOUT } from "@/test/screen-reader";

const summary = (id: string, overrides: Partial<StorySummary> = {}): StorySummary => ({
  id,
  headline: `Headline of ${id}`,
  summary: `Summary of ${id}.`,
  topics: ["science"],
  publishedAt: "2024-09-17T10:30:00Z",
  lang: "en",
  ...overrides,
});

function renderFeed(stories: StorySummary[], more: StorySummary[] = []) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const head: FeedHead = {
    feed: "breaking-news",
    title: "Breaking News",
    total: stories.length + more.length,
    stories,
    next: more.length > 0 ? 1 : null,
  };
  const archive: FeedArchivePage = { feed: "breaking-news", page: 1, stories: more, next: null };
  // The next archive page already fetched (as the prefetch near the button leaves it).
  queryClient.setQueryData(feedQuery("breaking-news").queryKey, {
    pages: more.length > 0 ? [head, archive] : [head],
    pageParams: more.length > 0 ? [0, 1] : [0],
  });
  queryClient.setQueryData(topicsQuery().queryKey, [{ slug: "science", name: "Science" }]);
  const router = createMemoryRouter([{ path: "/", element: <FeedView feed="breaking-news" /> }]);
  return render(
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

describe("FeedView, read by a screen reader", { timeout: SCREEN_READER_TIMEOUT }, () => {
  const ids = (prefix: string) =>
    Array.from({ length: 10 }, (_, i) => summary(`${prefix}-${i + 1}`));

  it("says Load more, then after the press the first new story, and only then how many were added", async () => {
    const { container } = renderFeed(ids("first"), ids("second"));
    await virtual.start({ container });
    try {
      const button = screen.getByRole("button", { name: "Load more" });
      button.focus();
      expect(await virtual.lastSpokenPhrase()).toBe("button, Load more");
      await virtual.clearSpokenPhraseLog();
      await virtual.act();
      // The count comes 300 ms after the focus move; on a loaded machine the virtual screen
      // reader takes longer than waitFor's default second to hear it.
      await waitFor(
        async () =>
          expect(await virtual.spokenPhraseLog()).toContain("polite: 10 more stories loaded"),
        { timeout: 5000 },
      );
      const spoken = await virtual.spokenPhraseLog();
      const focused = spoken.indexOf("link, Headline of second-1");
      // The focus move is heard first; the count waits its turn instead of cutting it off.
      expect(focused, spoken.join("\n")).toBeGreaterThanOrEqual(0);
      expect(spoken.indexOf("polite: 10 more stories loaded")).toBeGreaterThan(focused);
      expect(document.activeElement).toHaveTextContent("Headline of second-1");
    } finally {
      await virtual.stop();
    }
  });
});
