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
    expect(scripts[0]?.length).toBeLessThan(1024);
    expect(scripts[1]?.length).toBeLessThan(4096);
    expect(scripts[1]).toContain("/assets/index-abc.js");
  });

  it("restores the stored size before paint, given nothing but storage and <html>", async () => {
    const html = { dataset: {} as Record<string, string> };
    runInNewContext(await compileBeforePaintScript(), {
      localStorage: { getItem: (key: string) => (key === "dispatch:text-size" ? "lg" : null) },
      document: { documentElement: html },
    });
    expect(html.dataset.textSize).toBe("lg");
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
