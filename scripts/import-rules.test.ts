import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Code flows one way in src/ (content and shared -> features -> app) and in scripts/
 * (docs/build.md#the-layout-of-scripts), and `npm run lint` enforces it with one
 * noRestrictedImports override per folder in biome.json. A new folder without its own entry
 * would import anything unnoticed, so this fails until it has one.
 */

type Override = {
  includes?: string[];
  linter?: {
    rules?: { style?: { noRestrictedImports?: { options?: { patterns?: unknown[] } } } };
  };
};

const overrides = (JSON.parse(readFileSync("biome.json", "utf8")) as { overrides: Override[] })
  .overrides;

/** The folders whose own override restricts their imports with at least one pattern. */
const ruled = new Set(
  overrides
    .filter(
      (override) => override.linter?.rules?.style?.noRestrictedImports?.options?.patterns?.length,
    )
    .flatMap((override) => override.includes ?? [])
    .filter((include) => include.endsWith("/**"))
    .map((include) => include.slice(0, -"/**".length)),
);

const foldersIn = (parent: string) =>
  readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "node_modules")
    .map((entry) => `${parent}/${entry.name}`);

describe("biome.json's import rules", () => {
  it.each(["src/features", "scripts"])("name every folder under %s", (parent) => {
    const folders = foldersIn(parent);
    expect(folders.length).toBeGreaterThan(3);
    expect(folders.filter((folder) => !ruled.has(folder))).toEqual([]);
  });
});
