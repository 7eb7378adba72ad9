import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { API_PATHS } from "@/content/api-types";
import {
  isStorySaved,
  photoUrlsIn,
  removeSavedStory,
  StorageRefusedError,
  savedStories,
  saveStory,
  storyDataPath,
} from "@/shared/offline-storage";

/**
 * A small in-memory Cache Storage with a quota, standing in for the browser's (jsdom has
 * none): `addAll` stores every response or, past the quota, none, as browsers do.
 */
class MemoryCache {
  entries = new Map<string, string>();
  constructor(private readonly storage: MemoryCacheStorage) {}
  async addAll(urls: string[]) {
    const bodies = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
    const size = bodies.reduce((sum, body) => sum + body.length, 0);
    if (this.storage.used() + size > this.storage.quota) {
      throw new DOMException("Quota exceeded", "QuotaExceededError");
    }
    for (const [index, url] of urls.entries()) this.entries.set(url, bodies[index] ?? "");
  }
  async match(url: string | Request) {
    const body = this.entries.get(typeof url === "string" ? url : new URL(url.url).pathname);
    return body === undefined ? undefined : new Response(body);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(new URL(url, "http://localhost")));
  }
  async delete(url: string) {
    return this.entries.delete(url);
  }
}
class MemoryCacheStorage {
  caches = new Map<string, MemoryCache>();
  constructor(public quota: number) {}
  used() {
    return [...this.caches.values()].reduce(
      (sum, cache) => sum + [...cache.entries.values()].reduce((s, body) => s + body.length, 0),
      0,
    );
  }
  async open(name: string) {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new MemoryCache(this);
      this.caches.set(name, cache);
    }
    return cache;
  }
}

const story = (id: string, photo: string) => ({
  story: { id, headline: `Headline ${id}`, summary: `Summary ${id}`, lang: "en" },
  page: `<h1>Headline ${id}</h1><img src="${photo}" srcset="${photo} 640w">`,
});
const SITE: Record<string, string> = {};
for (const [id, photo] of [
  ["ferry", "/images/ferry-640.avif"],
  ["market", "/images/shared-640.avif"],
  ["harbour", "/images/shared-640.avif"],
]) {
  const { story: data, page } = story(id as string, photo as string);
  SITE[API_PATHS.story(id as string)] = JSON.stringify({ story: data });
  SITE[`/stories/${id}`] = page;
  SITE[photo as string] = "x".repeat(100);
}

let storage: MemoryCacheStorage;
beforeEach(() => {
  storage = new MemoryCacheStorage(10_000);
  vi.stubGlobal("caches", storage);
  vi.stubGlobal("fetch", async (url: string) => new Response(SITE[url] ?? "", { status: 200 }));
});
afterEach(() => vi.unstubAllGlobals());

describe("saved stories", () => {
  it("names a story's data file as the API does", () => {
    expect(storyDataPath("harbour-ferry-returns")).toBe(API_PATHS.story("harbour-ferry-returns"));
  });

  it("saves a story with its photos and lists the most recently saved first", async () => {
    await saveStory("ferry", ["/images/ferry-640.avif"]);
    await saveStory("market", ["/images/shared-640.avif"]);
    expect(await isStorySaved("ferry")).toBe(true);
    expect(await isStorySaved("harbour")).toBe(false);
    expect((await savedStories()).map((saved) => saved.id)).toEqual(["market", "ferry"]);
    expect(
      await (await caches.open("dispatch-saved")).match("/images/ferry-640.avif"),
    ).toBeDefined();
  });

  it("when the browser refuses the space, says so and keeps every earlier save", async () => {
    await saveStory("ferry", ["/images/ferry-640.avif"]);
    storage.quota = storage.used() + 10;
    const refused = saveStory("market", ["/images/shared-640.avif"]);
    await expect(refused).rejects.toBeInstanceOf(StorageRefusedError);
    await expect(refused).rejects.toThrow("The browser refused to store it");
    expect((await savedStories()).map((saved) => saved.id)).toEqual(["ferry"]);
    expect(await isStorySaved("market")).toBe(false);
  });

  it("removes a story and the photos no other saved story shows", async () => {
    await saveStory("ferry", ["/images/ferry-640.avif"]);
    await saveStory("market", ["/images/shared-640.avif"]);
    await saveStory("harbour", ["/images/shared-640.avif"]);
    await removeSavedStory("ferry");
    await removeSavedStory("market");
    const cache = await caches.open("dispatch-saved");
    expect(await cache.match("/images/ferry-640.avif")).toBeUndefined();
    // The harbour story shows the same photo: it stays.
    expect(await cache.match("/images/shared-640.avif")).toBeDefined();
    expect((await savedStories()).map((saved) => saved.id)).toEqual(["harbour"]);
  });

  it("finds every photo file a saved page names, once each", () => {
    const html = `<picture><source type="image/avif" srcset="/images/ferry-320.avif 320w, /images/ferry-640.avif 640w">
      <img src="/images/ferry-640.jpg" srcset="/images/ferry-320.jpg 320w"></picture>
      <img src="/images/ferry-640.jpg"><a href="/stories/images">not a photo</a>`;
    expect(photoUrlsIn(html)).toEqual([
      "/images/ferry-320.avif",
      "/images/ferry-640.avif",
      "/images/ferry-640.jpg",
      "/images/ferry-320.jpg",
    ]);
  });

  it("says plainly when this browser keeps no offline copies at all", async () => {
    vi.stubGlobal("caches", undefined);
    await expect(saveStory("ferry", [])).rejects.toBeInstanceOf(StorageRefusedError);
    expect(await savedStories()).toEqual([]);
  });
});
