import "@/app/styles.css";
import { type DehydratedState, hydrate, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, startTransition, useEffect, useLayoutEffect } from "react";
import { flushSync } from "react-dom";
import { createRoot, hydrateRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { createQueryClient } from "@/app/query-client";
import { createRoutes } from "@/app/routes";
import { PAGE_HEAD_SELECTOR } from "@/shared/head-tags-contract";
import { PRERENDER_STATE_ID, REPLAY_ATTRIBUTE } from "@/shared/prerender-contract";
import { BASE_PATH } from "@/shared/with-base";

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

// Under the base path: the routes and every link are paths inside the site.
const router = createBrowserRouter(createRoutes(queryClient), { basename: BASE_PATH });

/** Marks the page interactive (the end-to-end tests wait for it). */
function AppReady() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}

/**
 * When it mounts, React Router scrolls to the top any page it has no saved position for. Here
 * the page was on screen before the app, and the reader may have scrolled it (the app loads
 * when idle): the layout effect before the router's notes where they are, the one after puts
 * them back, in the same commit, before anything paints. A saved position (a reload) wins.
 */
let scrollBeforeApp: number | undefined;
function NoteScroll() {
  useLayoutEffect(() => {
    scrollBeforeApp ??= window.scrollY;
  }, []);
  return null;
}
function KeepScroll() {
  useLayoutEffect(() => {
    const y = scrollBeforeApp;
    if (y !== undefined && router.state.restoreScrollPosition === null && window.scrollY !== y) {
      window.scrollTo(0, y);
    }
  }, []);
  return null;
}

const app = (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NoteScroll />
      <RouterProvider router={router} />
      <KeepScroll />
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

// From here the app answers presses; the start-up script puts back what it changed and says
// which button the reader pressed before the app was ready (src/start-up/start-up.ts).
const pressedEarly = window.dispatchStartUp?.handOver();

// Only a page prerendered for exactly this URL can be hydrated; `?page=3` or the 404 page
// served for an unknown path render fresh, replacing the static HTML in one commit.
if (container.dataset.prerendered === `${location.pathname}${location.search}`) {
  if (pressedEarly) {
    hydrateRoot(container, app);
  } else {
    // Nobody is waiting: hydrate in slices, so a reader scrolling meanwhile never waits on it.
    // A press during hydration makes React finish it at once and then handle the press.
    startTransition(() => {
      hydrateRoot(container, app);
    });
  }
} else {
  // React will render this page's own head tags; drop the prerendered ones.
  for (const element of document.head.querySelectorAll(PAGE_HEAD_SELECTOR)) {
    element.remove();
  }
  const root = createRoot(container);
  // Synchronously when a press waits for it, so the press lands on the app's button.
  if (pressedEarly) flushSync(() => root.render(app));
  else root.render(app);
}

// Once the app has run and the browser is idle: registering the worker starts its precaching
// (every script and stylesheet), which on a slow phone delayed the stories a press at load
// asked for by a few hundred ms. Safari has no requestIdleCallback: a second later, there.
const startOffline = () =>
  void import("@/features/offline/service-worker-client").then((offline) =>
    offline.startOfflineSupport(router, queryClient),
  );
if ("requestIdleCallback" in window) requestIdleCallback(startOffline, { timeout: 3000 });
else setTimeout(startOffline, 1000);

// A click on a page still hydrating makes React hydrate at once and then run the click's
// handler, all in this task: the busy state the start-up script showed never flickers back.
if (pressedEarly) {
  document
    .querySelector<HTMLElement>(`[${REPLAY_ATTRIBUTE}="${CSS.escape(pressedEarly)}"]`)
    ?.click();
}
