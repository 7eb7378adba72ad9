import "@/app/styles.css";
import { type DehydratedState, hydrate, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useEffect } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { createQueryClient } from "@/app/query-client";
import { createRoutes } from "@/app/routes";
import { PAGE_HEAD_SELECTOR } from "@/shared/head-tags-contract";
import { PRERENDER_STATE_ID, REPLAY_ATTRIBUTE } from "@/shared/prerender-contract";

declare global {
  interface Window {
    /** Set by the page's bootstrap script: a button pressed before the app was ready. */
    __dispatchReplay?: string;
  }
}

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

const queryClient = createQueryClient();
const stateElement = document.getElementById(PRERENDER_STATE_ID);
if (stateElement?.textContent) {
  const state = JSON.parse(stateElement.textContent) as DehydratedState;
  // The page was delivered with this data just now: count it as fresh from this moment, so
  // nothing the HTML already shows is fetched again on mount.
  const now = Date.now();
  for (const query of state.queries) query.state.dataUpdatedAt = now;
  hydrate(queryClient, state);
}

const router = createBrowserRouter(createRoutes(queryClient));

/** Marks the page interactive and presses whatever button the reader pressed too early. */
function AppReady() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
    const pending = window.__dispatchReplay;
    window.__dispatchReplay = undefined;
    if (pending) {
      document
        .querySelector<HTMLElement>(`[${REPLAY_ATTRIBUTE}="${CSS.escape(pending)}"]`)
        ?.click();
    }
  }, []);
  return null;
}

const app = (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <AppReady />
    </QueryClientProvider>
  </StrictMode>
);

// Loaders resolve from the hydrated cache (and lazy page code loads) before React takes over,
// so the first client render matches the prerendered HTML instead of flashing a blank page.
await new Promise<void>((resolve) => {
  if (router.state.initialized) return resolve();
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    resolve();
  });
});

// Only a page prerendered for exactly this URL can be hydrated; `?page=3` or the 404 page
// served for an unknown path render fresh, replacing the static HTML in one commit.
if (container.dataset.prerendered === `${location.pathname}${location.search}`) {
  hydrateRoot(container, app);
} else {
  // React will render this page's own head tags; drop the prerendered ones.
  for (const element of document.head.querySelectorAll(PAGE_HEAD_SELECTOR)) {
    element.remove();
  }
  createRoot(container).render(app);
}
