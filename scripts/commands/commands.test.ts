import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * Every command-line entry point is a file in scripts/commands/ named after the npm script
 * that runs it (`bench:first-press` -> bench-first-press.ts), whose first line says so:
 * `// npm run <name>: <what it does>`. Libraries stay in their stage's folder.
 */

const COMMANDS_DIR = "scripts/commands";
const scripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts;

/** [npm script, the .ts file it runs with tsx] for every script that runs one. */
const runsTs = Object.entries(scripts).flatMap(([name, command]) =>
  [...command.matchAll(/\btsx (\S+\.ts)(?=\s|$)/g)].map((match) => [name, match[1] ?? ""] as const),
);

describe("the commands folder", () => {
  it("holds every TypeScript file package.json runs, named after its npm script", () => {
    expect(runsTs.length).toBeGreaterThan(10);
    for (const [name, file] of runsTs)
      expect(file, `npm run ${name}`).toBe(`${COMMANDS_DIR}/${name.replaceAll(":", "-")}.ts`);
  });

  it("opens each command with a line naming its npm run and what it does", () => {
    for (const [name, file] of runsTs) {
      const firstLine = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
      expect(firstLine, file).toMatch(new RegExp(`^// npm run ${name}: \\S.{9,}$`));
    }
  });

  it("holds nothing but commands and their tests: a library belongs to its stage's folder", () => {
    const run = new Set(runsTs.map(([, file]) => file));
    const files = readdirSync(COMMANDS_DIR).filter((file) => !file.endsWith(".test.ts"));
    expect(files.map((file) => `${COMMANDS_DIR}/${file}`).filter((file) => !run.has(file))).toEqual(
      [],
    );
  });
});
