import { describe, expect, it } from "vitest";
import { reviseShellWithCode, serviceWorkerOptions } from "./service-worker.ts";

const entry = (url: string, revision: string | null) => ({ url, revision, size: 1 });

describe("the service worker's precache", () => {
  it("revises the precached pages with the app's code, not with each publication", async () => {
    const build = (banner: string, code: string) =>
      reviseShellWithCode([
        entry("saved.html", banner),
        entry(`assets/index-${code}.js`, null),
        entry("offline.html", banner),
      ]);
    const published = await build("a", "AAAA");
    const republished = await build("b", "AAAA");
    const redeployed = await build("a", "BBBB");
    expect(republished.manifest).toEqual(published.manifest);
    expect(redeployed.manifest).not.toEqual(published.manifest);
    // Sorted, so the files' order on disk never changes the worker.
    expect(published.manifest.map((e) => e.url)).toEqual([
      "assets/index-AAAA.js",
      "offline.html",
      "saved.html",
    ]);
  });

  it("answers pages and JSON from the network first, photos from the cache, with caps", () => {
    const caching = serviceWorkerOptions("dist").runtimeCaching ?? [];
    expect(caching.map((route) => [route.handler, route.options?.cacheName])).toEqual([
      ["NetworkFirst", "dispatch-pages"],
      ["NetworkFirst", "dispatch-api"],
      ["CacheFirst", "dispatch-images"],
    ]);
    for (const route of caching) expect(route.options?.expiration?.maxEntries).toBeGreaterThan(0);
    expect(serviceWorkerOptions("dist")).toMatchObject({ skipWaiting: false, clientsClaim: true });
  });
});
