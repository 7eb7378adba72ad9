/**
 * The service worker, made of Workbox's runtime modules (precaching, routing, strategies,
 * expiration): the rules are Workbox's, the choices are here. scripts/offline/service-worker.ts
 * bundles it once per build of the code and writes the precache list into it at the end of
 * every build, where `self.__WB_MANIFEST` stands (Workbox's injectManifest convention).
 */
import { clientsClaim, type WorkboxPlugin } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { enable as enableNavigationPreload } from "workbox-navigation-preload";
import {
  cleanupOutdatedCaches,
  type PrecacheEntry,
  PrecacheFallbackPlugin,
  precacheAndRoute,
} from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import {
  CACHE_LIMITS,
  NETWORK_TIMEOUT_SECONDS,
  OFFLINE_CACHES,
  OFFLINE_PAGE_PATH,
} from "@/shared/offline-storage";
import { sitePathOf } from "@/shared/with-base";

type WorkerScope = {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: "message",
    listener: (event: MessageEvent & { waitUntil(promise: Promise<unknown>): void }) => void,
  ): void;
};
// The DOM's types name `self` a window; in a worker it is the worker's scope.
const worker = self as unknown as WorkerScope;

/** When the network fails and the strategy's own cache has nothing, the reader's saved copy. */
const fromSavedStories: WorkboxPlugin = {
  handlerDidError: async ({ request }) => (await caches.open(OFFLINE_CACHES.saved)).match(request),
};

cleanupOutdatedCaches();
// Written as `self.__WB_MANIFEST`, the text the build replaces with the list.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST);

// The first worker takes charge of the open page at once; a new one waits until the reader
// chooses to reload (the app's update notice sends SKIP_WAITING), so nobody is moved from one
// build's code to another's while reading. A page still loading when the worker took charge is
// not among the pages it claims: its app sends CLAIM once it runs.
clientsClaim();
worker.addEventListener("message", (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === "SKIP_WAITING") void worker.skipWaiting();
  if (type === "CLAIM") event.waitUntil(worker.clients.claim());
});
enableNavigationPreload();

// A page: a navigation, or the app asking for the page it shows so that it reloads offline
// (the first page was loaded before the worker ran; later pages are drawn by the app from
// JSON, so their HTML is never fetched otherwise). `/?page=3` offline is the feed's page,
// whose app then draws three screens from the JSON kept beside it.
registerRoute(
  ({ request }) => request.mode === "navigate" || request.headers.get("accept") === "text/html",
  new NetworkFirst({
    cacheName: OFFLINE_CACHES.pages,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    matchOptions: { ignoreSearch: true },
    // In this order: the saved copy first, else the offline page.
    plugins: [
      new ExpirationPlugin(CACHE_LIMITS.pages),
      fromSavedStories,
      new PrecacheFallbackPlugin({ fallbackURL: `${OFFLINE_PAGE_PATH.slice(1)}.html` }),
    ],
  }),
);

// Paths inside the site: the worker is built with the site's base path (scripts/offline/
// service-worker.ts), and its scope is that folder.
registerRoute(
  ({ url, sameOrigin }) =>
    sameOrigin && /^\/(api|archive)\/.+\.json$/.test(sitePathOf(url.pathname)),
  new NetworkFirst({
    cacheName: OFFLINE_CACHES.api,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [new ExpirationPlugin(CACHE_LIMITS.api), fromSavedStories],
  }),
);

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && sitePathOf(url.pathname).startsWith("/images/"),
  new CacheFirst({
    cacheName: OFFLINE_CACHES.images,
    plugins: [
      new ExpirationPlugin({ ...CACHE_LIMITS.images, purgeOnQuotaError: true }),
      fromSavedStories,
    ],
  }),
);

// Search (Pagefind's script, WebAssembly and the index chunks a query fetched) keeps working
// offline for what was searched before. Its entry file names the current chunks, so it is
// asked for first; the chunks themselves never change under their names.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && sitePathOf(url.pathname).startsWith("/pagefind/"),
  new NetworkFirst({
    cacheName: OFFLINE_CACHES.search,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [new ExpirationPlugin({ ...CACHE_LIMITS.search, purgeOnQuotaError: true })],
  }),
);
