import type { StoryPage } from "@/content/api-types";

/**
 * Names and limits shared by the service worker (src/service-worker/service-worker.ts) and
 * the app: the caches the worker fills as the reader reads, and the one the reader fills by
 * pressing "Save for offline". Saved stories live in a cache of their own, with no expiry, so
 * the caps on what is kept by itself never remove something the reader asked to keep.
 *
 * This module imports no code (types only): it is shared by two lazily loaded chunks (the story
 * page and the offline feature), and a shared chunk that imported a module of the app's entry
 * would make the bundler split that module out of the entry, growing the initial JavaScript.
 */
export const OFFLINE_CACHES = {
  pages: "dispatch-pages",
  api: "dispatch-api",
  images: "dispatch-images",
  saved: "dispatch-saved",
  search: "dispatch-search",
} as const;

/** How long a page or JSON file may take before the worker answers from its copy. */
export const NETWORK_TIMEOUT_SECONDS = 3;
/** The caps on what the worker keeps by itself (saved stories have no cap). */
export const CACHE_LIMITS = {
  pages: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 },
  api: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 },
  images: { maxEntries: 150, maxAgeSeconds: 30 * 24 * 3600 },
  // A search through a sharded index fetches four small files a shard (entry, metadata, index
  // chunk, a result's words): at 100,000 stories a hundred shards; this keeps two such searches.
  search: { maxEntries: 1000, maxAgeSeconds: 30 * 24 * 3600 },
} as const;

/**
 * A path inside the site under the build's base path: src/shared/with-base.ts's withBase,
 * written out here because this module imports no code (see above). Only called in the
 * browser: the build's scripts read this module's names too, where there is no import.meta.env.
 */
const underBase = (sitePath: string) => `${import.meta.env.BASE_URL}${sitePath.slice(1)}`;

export const SAVED_PATH = "/saved";
export const OFFLINE_PAGE_PATH = "/offline";
export const SERVICE_WORKER_PATH = "/sw.js";

/** A saved story as the Saved page lists it. */
export type SavedStory = { id: string; headline: string; summary: string; lang: string };

/** A story's data file: API_PATHS.story in src/content/api-types.ts (see above for why not imported). */
export const storyDataPath = (id: string) => `/api/stories/${id}.json`;
const STORY_DATA = /^\/api\/stories\/[a-z0-9-]+\.json$/;

/** Why a save failed, in words for the reader. */
export class StorageRefusedError extends Error {}

function savedCache(): Promise<Cache> {
  if (typeof caches === "undefined") {
    return Promise.reject(new StorageRefusedError("This browser keeps no offline copies here."));
  }
  return caches.open(OFFLINE_CACHES.saved);
}

/**
 * Saves a story's page, its data and the photo files this device shows (the browser's own
 * choice from each picture's sources, `currentSrc`). All or nothing: if the browser refuses
 * any of it, whatever this save wrote is removed again and earlier saves stay as they were.
 */
export async function saveStory(id: string, photoUrls: readonly string[]): Promise<void> {
  const cache = await savedCache();
  // Asks the browser not to clear the site's storage when space runs short (granted or not,
  // quietly; the answer only changes who may clear it: the browser, or just the reader).
  void navigator.storage?.persist?.().catch(() => false);
  // photoUrls are the addresses the page shows (under the base path already).
  const urls = [underBase(`/stories/${id}`), ...new Set(photoUrls), underBase(storyDataPath(id))];
  try {
    // The story's data goes last: its presence is what marks the story as saved.
    await cache.addAll(urls);
  } catch (error) {
    await Promise.allSettled(urls.map((url) => cache.delete(url)));
    if (error instanceof DOMException && error.name === "QuotaExceededError") {
      throw new StorageRefusedError(
        "The browser refused to store it: this device’s storage for the site is full or blocked.",
      );
    }
    throw error;
  }
}

/**
 * Removes a saved story, and the photo files no other saved story shows (two stories may
 * share a photo).
 */
export async function removeSavedStory(id: string): Promise<void> {
  const cache = await savedCache();
  await Promise.all(
    [storyDataPath(id), `/stories/${id}`].map((url) => cache.delete(underBase(url))),
  );
  const keys = (await cache.keys()).map((request) => new URL(request.url).pathname);
  const shown = new Set<string>();
  for (const key of keys.filter((path) => path.startsWith(underBase("/stories/")))) {
    const page = await cache.match(key);
    for (const url of page ? photoUrlsIn(await page.text()) : []) shown.add(url);
  }
  await Promise.all(
    keys
      .filter((path) => path.startsWith(underBase("/images/")) && !shown.has(path))
      .map((path) => cache.delete(path)),
  );
}

/** The photo files a page names (every source of every picture), under the base path. */
export function photoUrlsIn(html: string): string[] {
  // The base holds only letters, digits and "-._~/" (src/shared/base-path.ts): "." is escaped.
  const images = underBase("/images/").replaceAll(".", "\\.");
  const photo = new RegExp(`${images}[\\w.-]+\\.(?:avif|webp|jpe?g|png)`, "g");
  return [...new Set(html.match(photo) ?? [])];
}

export async function isStorySaved(id: string): Promise<boolean> {
  if (typeof caches === "undefined") return false;
  const cache = await caches.open(OFFLINE_CACHES.saved);
  return (await cache.match(underBase(storyDataPath(id)))) !== undefined;
}

/** The saved stories, the most recently saved first. */
export async function savedStories(): Promise<SavedStory[]> {
  if (typeof caches === "undefined") return [];
  const cache = await caches.open(OFFLINE_CACHES.saved);
  const stories: SavedStory[] = [];
  for (const request of await cache.keys()) {
    const pathname = new URL(request.url).pathname;
    if (!STORY_DATA.test(pathname.slice(import.meta.env.BASE_URL.length - 1))) continue;
    const response = await cache.match(request);
    if (!response) continue;
    const { story } = (await response.json()) as StoryPage;
    stories.push({
      id: story.id,
      headline: story.headline,
      summary: story.summary,
      lang: story.lang,
    });
  }
  // Cache keys come in the order they were stored.
  return stories.reverse();
}

/**
 * The photo files this device shows: each picture's `currentSrc` is the source the browser
 * picked for this screen and format support. A photo still waiting below the fold (lazy) is
 * loaded now, so its choice is known too.
 */
export async function photosShownIn(container: Element): Promise<string[]> {
  const images = [...container.querySelectorAll("img")];
  await Promise.all(
    images.map((image) => {
      if (image.complete && image.currentSrc) return undefined;
      image.loading = "eager";
      return image.decode().catch(() => undefined);
    }),
  );
  return images
    .map((image) => image.currentSrc)
    .filter((src) => src && new URL(src).origin === location.origin)
    .map((src) => new URL(src).pathname);
}
