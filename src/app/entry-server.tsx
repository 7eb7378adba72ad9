import { dehydrate, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { createQueryClient } from "@/app/query-client";
import { createRoutes } from "@/app/routes";
import { setApiTransport } from "@/content/api-client";

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

/** `api` answers an API URL ("/api/…", "/archive/…") with the JSON the build emitted for it. */
export function serveApiFrom(api: (url: string) => Promise<string | undefined>): void {
  setApiTransport(async (url) => {
    const body = await api(url);
    return body === undefined
      ? new Response("Not found", { status: 404 })
      : new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  });
}

export async function prerender(url: string): Promise<PrerenderedPage> {
  const queryClient = createQueryClient();
  const handler = createStaticHandler(createRoutes(queryClient));
  const context = await handler.query(new Request(new URL(url, "http://localhost")));
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
  const state = JSON.stringify(dehydrate(queryClient));
  queryClient.clear();
  return { html, state, status: context.statusCode };
}
