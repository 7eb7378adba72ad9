import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "./test-fixture.ts";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CHECK = path.resolve("scripts/content/check.ts");

async function check(dataDir: string) {
  try {
    const { stdout, stderr } = await run(TSX, [CHECK], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run content:check", { timeout: 30_000 }, () => {
  let fixture: Fixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  it("prints a one-line summary and exits 0 for valid content", async () => {
    fixture = await createFixture();
    expect(await check(fixture.dir)).toEqual({
      code: 0,
      stdout: `content ok: 1 story, 3 topics, 2 images in ${fixture.dir}\n`,
      stderr: "",
    });
  });

  it("prints one line per error on stderr, no stack trace, and exits 1", async () => {
    fixture = await createFixture();
    await fixture.editJson("stories/first-story.json", (story) =>
      Object.assign(story, { headline: 5, colour: "red" }),
    );
    await fixture.writeText("stories/broken.json", '{"id": "broken",, }');
    const story = fixture.at("stories/first-story.json");
    const result = await check(fixture.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toEqual([
      `${fixture.at("stories/broken.json")}: $: invalid JSON at line 1, column 17: unexpected ','; expected a field name in double quotes`,
      `${story}: $.headline: expected string, got number`,
      `${story}: $.colour: unknown field "colour"; expected only "id", "headline", "summary", "topics", "publishedAt", "updatedAt", "byline", "source", "dateline", "lang", "breaking", "specialReport", "sample", "photo", "body"`,
      "",
    ]);
    expect(result.stderr).not.toContain("    at ");
  });

  it("explains a missing data folder in one line and exits 1", async () => {
    fixture = await createFixture();
    const missing = fixture.at("no-such-folder");
    const result = await check(missing);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `${missing}: $: data folder not found; expected a folder with topics.json and stories/<id>.json files (set DATA_DIR to use another folder)\n`,
    });
  });

  it("prints warnings but still passes", async () => {
    fixture = await createFixture();
    await fixture.writeText("stories/notes.txt", "draft");
    const result = await check(fixture.dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: ${fixture.at("stories/notes.txt")}: $: not a .json file, ignored; stories must be named <id>.json\n`,
    );
  });
});
