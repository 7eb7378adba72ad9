import { onlineManager, type QueryClient } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import type { DataRouter } from "react-router";
import { Workbox } from "workbox-window";
import { API_PATHS } from "@/content/api-types";
import { UpdateNotice } from "@/features/offline/update-notice";
import { photosShownIn, SERVICE_WORKER_PATH } from "@/shared/offline-storage";
import { BASE_PATH, sitePathOf, withBase } from "@/shared/with-base";

/**
 * Registers the service worker (src/service-worker/service-worker.ts) once the app runs, which is
 * after the page has loaded and settled (src/start-up), so the worker never competes with the
 * first paint. It also keeps what the worker cannot see by itself, and shows the update
 * notice when a new build's worker is waiting.
 */
export function startOfflineSupport(
  router: Pick<DataRouter, "state" | "subscribe">,
  queryClient: QueryClient,
): void {
  // The query client learns of the connection from online/offline events, which a page
  // opened offline (from the worker's copies) never receives: tell it, so requests wait for
  // the connection and the connection notice shows.
  if (!navigator.onLine) onlineManager.setOnline(false);
  if (!("serviceWorker" in navigator)) return;
  // Scoped to the base path: a mirror's worker answers for its own folder only.
  const workbox = new Workbox(withBase(SERVICE_WORKER_PATH), { scope: BASE_PATH });
  // A new build's worker waits: the reader chooses when to reload (nothing reloads by itself
  // while someone reads), and until then every file comes from the build the page started on.
  workbox.addEventListener("waiting", () => {
    showUpdateNotice(() => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), {
        once: true,
      });
      workbox.messageSkipWaiting();
    });
  });
  // Refused (a browser setting, a private window): the site works as before, without offline.
  workbox.register().catch(() => undefined);
  // The first worker takes charge of the pages open when it starts, but not of one still
  // loading then (a reader who went on to another page while it installed): without this,
  // that page would keep nothing for offline until the next one.
  void navigator.serviceWorker.ready.then((registration) => {
    if (!navigator.serviceWorker.controller) registration.active?.postMessage({ type: "CLAIM" });
  });

  void controlled().then(() => {
    // With a worker, a request made offline may still be answered (a story opened or saved
    // before), so it goes out once and waits for the connection only if that fails. Without
    // one it could not succeed, so it waits from the start (the query client's default).
    const defaults = queryClient.getDefaultOptions();
    queryClient.setDefaultOptions({
      ...defaults,
      queries: { ...defaults.queries, networkMode: "offlineFirst" },
    });
    keepPage(sitePathOf(location.pathname), true);
    let shown = sitePathOf(location.pathname);
    router.subscribe((state) => {
      // The router's own location holds the base path, as the browser's does.
      const pathname = sitePathOf(state.location.pathname);
      if (state.navigation.state !== "idle" || pathname === shown) return;
      shown = pathname;
      const page = shown;
      // Once React has drawn the new page (the router tells before it renders).
      setTimeout(() => {
        if (sitePathOf(location.pathname) === page) keepPage(page, false);
      }, PAGE_DRAWN_MS);
    });
  });
}

/** Well after a page's render: keeping it is never urgent. */
const PAGE_DRAWN_MS = 500;

/** Resolves once a service worker answers this page's requests. */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }),
  );
}

/**
 * Asks, through the worker, for what reloading this page offline needs and the worker has not
 * seen: the page's HTML (a page the app drew from JSON was never fetched as HTML); a story's
 * photos further down, which would otherwise load only when scrolled to; and on the page loaded
 * before the worker ran, its story's data and the photos already shown. Mostly answered by the
 * browser's HTTP cache; low priority, so it never delays what the reader asked for.
 */
function keepPage(pathname: string, firstPage: boolean): void {
  // pathname is the page's path inside the site; what is fetched is under the base.
  const ask = (url: string, init?: RequestInit) =>
    fetch(url, { priority: "low", ...init }).then(
      (response) => response.body?.cancel(),
      () => undefined,
    );
  void ask(withBase(pathname), { headers: { accept: "text/html" } });
  const story = /^\/stories\/([a-z0-9-]+)$/.exec(pathname)?.[1];
  const article = document.querySelector("main article");
  if (!firstPage) {
    // Loaded through the worker, which keeps them.
    if (story && article) void photosShownIn(article);
    return;
  }
  if (story) void ask(withBase(API_PATHS.story(story)));
  void (article ? photosShownIn(article) : Promise.resolve([])).then(() => {
    for (const image of document.images) {
      if (image.currentSrc && new URL(image.currentSrc).origin === location.origin) {
        void ask(image.currentSrc);
      }
    }
  });
}

let noticeShown = false;

/** The quiet notice, at the end of the page, in a root of its own beside the app's. */
function showUpdateNotice(reload: () => void): void {
  if (noticeShown) return;
  noticeShown = true;
  const host = document.createElement("div");
  // Sticky within the page's body: on screen while it shows, at the very end of the page.
  host.className = "update-notice print:hidden";
  document.body.append(host);
  createRoot(host).render(<UpdateNotice onReload={reload} />);
}
