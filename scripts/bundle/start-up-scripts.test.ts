import { runInNewContext } from "node:vm";
import type { Rolldown } from "vite";
import { describe, expect, it } from "vitest";
import {
  compileBeforePaintScript,
  compileStartUpScript,
  ROUTE_CODE,
  routeImports,
} from "./start-up-scripts.ts";

// What the scripts do is tested on their TypeScript sources (src/start-up/*.test.ts); this is
// about what the build makes of them.

describe("the inline start-up scripts, as compiled into every page", () => {
  it("are one self-contained, minified expression each, with the entry built in", async () => {
    const scripts = [
      await compileBeforePaintScript(),
      await compileStartUpScript("/assets/index-abc.js"),
    ];
    for (const code of scripts) {
      expect(code).toMatch(/^\(function\(\)\{.*\}\)\(\);$/s);
      expect(code).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
      expect(code).not.toContain("\n");
    }
    // Before paint it reads the text size and data saver mode and, in that mode, rewrites the
    // page as it is parsed (src/start-up/before-paint.ts): about 1 KB gzip in every page's head.
    expect(scripts[0]?.length).toBeLessThan(2560);
    // The start-up script also answers the Data saver switch and "Show photo" itself.
    expect(scripts[1]?.length).toBeLessThan(5120);
    expect(scripts[1]).toContain("/assets/index-abc.js");
  });

  it("restores the stored size and data saver mode before paint, given nothing but storage, navigator and <html>", async () => {
    const attributes = new Set<string>();
    const html = {
      dataset: {} as Record<string, string>,
      toggleAttribute: (name: string, on: boolean) =>
        on ? attributes.add(name) : attributes.delete(name),
    };
    const observed: unknown[] = [];
    runInNewContext(await compileBeforePaintScript(), {
      localStorage: {
        getItem: (key: string) =>
          ({ "dispatch:text-size": "lg", "dispatch:data-saver": "on" })[key] ?? null,
      },
      navigator: {},
      document: { documentElement: html, addEventListener: () => {} },
      MutationObserver: class {
        observe(target: unknown) {
          observed.push(target);
        }
        disconnect() {}
      },
    });
    expect(html.dataset.textSize).toBe("lg");
    expect([...attributes]).toEqual(["data-data-saver"]);
    expect(observed).toEqual([html]);
  });
});

describe("each page's code, as the start-up script is told it", () => {
  const chunk = (fileName: string, imports: string[], facadeModuleId: string | null = null) =>
    ({ type: "chunk", fileName, imports, facadeModuleId }) as Rolldown.OutputChunk;
  const entry = chunk("assets/index.js", ["assets/app.js"], "/work/index.html");
  const shared = chunk("assets/story-time.js", ["assets/app.js"]);
  const pageChunks = [...new Set(ROUTE_CODE.map(([, module]) => module))].map((module) =>
    chunk(
      `assets/${module.split("/").at(-1)?.replace(".tsx", "")}.js`,
      ["assets/app.js", "assets/story-time.js"],
      `/work/${module}`,
    ),
  );
  const bundle = Object.fromEntries(
    [entry, shared, chunk("assets/app.js", []), ...pageChunks].map((file) => [file.fileName, file]),
  ) as Rolldown.OutputBundle;

  it("lists a route's chunk and what it imports, without what the entry already loads", () => {
    const routes = new Map(routeImports(bundle, entry, "/"));
    expect(routes.get("/stories/")).toEqual(["/assets/story-page.js", "/assets/story-time.js"]);
    expect(routes.get("/")).toEqual(["/assets/feed-routes.js", "/assets/story-time.js"]);
    expect(routes.get("/search")).toEqual(["/assets/search-page.js", "/assets/story-time.js"]);
  });

  it("fails the build, naming the module, when a route's code is not in the bundle", () => {
    const { "assets/story-page.js": _gone, ...withoutStory } = bundle;
    expect(() => routeImports(withoutStory, entry, "/")).toThrow(
      "no chunk in the build for src/features/story/story-page.tsx (/stories/)",
    );
  });
});
