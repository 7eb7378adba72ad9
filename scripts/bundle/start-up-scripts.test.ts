import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { compileBeforePaintScript, compileStartUpScript } from "./start-up-scripts.ts";

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
