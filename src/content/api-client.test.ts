import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { feedQuery, NotFoundError, storyQuery } from "@/content/api-client";

afterEach(() => vi.unstubAllGlobals());

describe("ids and slugs from the address bar", () => {
  it.each(["../../api/topics", "x?y", "x#y", "Upper-Case", "", "a--b", "-a", "a/b"])(
    "%j is not found and is never fetched",
    async (id) => {
      const fetch = vi.fn();
      vi.stubGlobal("fetch", fetch);
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      await expect(client.fetchQuery(storyQuery(id))).rejects.toBeInstanceOf(NotFoundError);
      await expect(client.fetchInfiniteQuery(feedQuery(id))).rejects.toBeInstanceOf(NotFoundError);
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it("fetches a well-formed id from its API path", async () => {
    const fetch = vi.fn(async () => Response.json({ story: { id: "harbour-ferry-returns" } }));
    vi.stubGlobal("fetch", fetch);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await client.fetchQuery(storyQuery("harbour-ferry-returns"));
    expect(fetch).toHaveBeenCalledWith(
      "/api/stories/harbour-ferry-returns.json",
      expect.anything(),
    );
  });
});
