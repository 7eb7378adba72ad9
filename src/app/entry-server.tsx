import { dehydrate, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { createQueryClient } from "@/app/query-client";
import { createRoutes } from "@/app/routes";
import { setApiTransport } from "@/content/api-client";
import { BASE_PATH, withBase } from "@/shared/with-base";

/**
 * Prerendering: renders one URL to HTML with react-router's static handler, and returns the
 * TanStack Query cache the loaders filled, dehydrated, so the browser starts from exactly the
 * data the HTML shows and never refetches it.
 */

export type PrerenderedPage = {
  /** The app's markup, for inside #root. */
  html: string;
  /** The dehydrated query cache, as JSON. Not yet escaped for embedding in HTML. */
  state: string;
  status: number;
};

/**
 * `api` answers an API URL ("/api/…", "/archive/…") with the JSON the build emitted for it.
 * The answer is read as fetchJson reads it, not wrapped in a Response: making a Response and
 * reading its body back took a twentieth of each page's prerendering.
 */
export function serveApiFrom(api: (url: string) => Promise<string | undefined>): void {
  setApiTransport(async (url) => {
    const body = await api(url);
    return body === undefined
      ? { ok: false, status: 404, json: () => Promise.reject(new Error("Not found")) }
      : { ok: true, status: 200, json: async () => JSON.parse(body) };
  });
}

/**
 * A prerenderer for one thread: the routes, their static handler and the query client are
 * made once (making them took a twentieth of each page's time), so pages are rendered one at a
 * time, each starting from an empty cache.
 */
export function createPrerenderer(): (url: string) => Promise<PrerenderedPage> {
  const queryClient = createQueryClient();
  const handler = createStaticHandler(createRoutes(queryClient), { basename: BASE_PATH });
  let busy = false;
  return async (url) => {
    // Two pages at once would share one cache, and each page's data would hold the other's.
    if (busy) throw new Error(`Prerendering ${url} began before the page before it ended`);
    busy = true;
    try {
      return await render(url);
    } finally {
      queryClient.clear();
      busy = false;
    }
  };

  async function render(url: string): Promise<PrerenderedPage> {
    const context = await handler.query(new Request(new URL(withBase(url), "http://localhost")));
    if (context instanceof Response) {
      throw new Error(
        `Prerendering ${url} answered a redirect (${context.status}); nothing to write`,
      );
    }
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderToString(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    );
    const dehydrated = dehydrate(queryClient);
    // No build times in the page: a page whose content did not change must come out byte for
    // byte the same, so publishing a story does not rewrite every page. The client counts the
    // data as fetched when the page loads (main.tsx).
    for (const query of dehydrated.queries) {
      query.dehydratedAt = 0;
      query.state.dataUpdatedAt = 0;
    }
    return { html, state: JSON.stringify(dehydrated), status: context.statusCode };
  }
}
