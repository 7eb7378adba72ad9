import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { createFixture, type Fixture, storyJson } from "../content/test-fixture.ts";

const run = promisify(execFile);
const CHECK = path.resolve("scripts/commands/content-check.ts");

async function check(dataDir: string) {
  try {
    // Node with tsx's loader: the tsx command (what npm run content:check calls) starts a
    // second Node process for the script, a start-up more per check for the same output.
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", CHECK], {
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

  // One process for both: each start of the command costs about a second of the suite.
  it("prints a one-line summary and exits 0 for valid content, with a warning line for a file it does not read", async () => {
    fixture = await createFixture();
    await fixture.writeText("stories/notes.txt", "draft");
    expect(await check(fixture.dir)).toEqual({
      code: 0,
      stdout: `content ok: 1 story, 3 topics, 2 images in ${fixture.dir}\n`,
      stderr: `warning: ${fixture.at("stories/notes.txt")}: $: not a .json file, ignored; stories must be named <id>.json\n`,
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

  it("decodes every image whole and refuses what is not a plain file inside the data folder, one line each", async () => {
    fixture = await createFixture({
      stories: [
        storyJson("first-story"),
        storyJson("second-story", {
          photo: { src: "images/outside.jpg", width: 400, height: 300, alt: "A photo" },
          body: [{ type: "paragraph", text: "Text." }],
        }),
      ],
    });
    // Photos cut short (a failed upload): their headers, and so their sizes, are whole.
    const noise = (format: "jpeg" | "png") =>
      sharp({
        create: {
          width: 400,
          height: 300,
          channels: 3,
          background: "#808080",
          noise: { type: "gaussian", mean: 128, sigma: 40 },
        },
      })
        .toFormat(format)
        .toBuffer();
    const cut = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.6));
    await fixture.writeText("images/lead.jpg", cut(await noise("jpeg")));
    await fixture.writeText("images/inline.png", cut(await noise("png")));
    await fixture.editJson("stories/first-story.json", (story) => {
      Object.assign(story.photo as object, { width: 400, height: 300 });
      const body = story.body as { type: string; photo?: object }[];
      Object.assign(body[2]?.photo as object, { width: 400, height: 300 });
    });
    // Files elsewhere on the machine, linked into the data folder; a pipe; 10,000 "[".
    const elsewhere = await mkdtemp(path.join(tmpdir(), "dispatch-elsewhere-"));
    try {
      await writeFile(path.join(elsewhere, "secret.jpg"), await noise("jpeg"));
      await writeFile(path.join(elsewhere, "story.json"), JSON.stringify(storyJson("linked")));
      await symlink(path.join(elsewhere, "secret.jpg"), fixture.at("images/outside.jpg"));
      await symlink(path.join(elsewhere, "story.json"), fixture.at("stories/linked.json"));
      execFileSync("mkfifo", [fixture.at("stories/pipe.json")]);
      await fixture.writeText("stories/deep.json", "[".repeat(10_000));
      const result = await check(fixture.dir);
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split("\n");
      const at = fixture.at;
      expect(lines.toSorted()).toEqual(
        [
          `${at("stories/deep.json")}: $: invalid JSON at line 1, column 257: objects and arrays nested more than 256 levels deep; expected a story's few levels`,
          `${at("stories/first-story.json")}: $.body[2].photo.src: could not decode ${at("images/inline.png")} (its png data breaks off or is damaged); expected a whole image file (is it cut short? copy or export it again)`,
          `${at("stories/first-story.json")}: $.photo.src: could not decode ${at("images/lead.jpg")} (its jpeg data breaks off or is damaged); expected a whole image file (is it cut short? copy or export it again)`,
          `${at("stories/linked.json")}: $: leads out of the data folder (a symbolic link); expected a JSON file inside it`,
          `${at("stories/pipe.json")}: $: is a named pipe (FIFO), not a regular file; expected a JSON file`,
          `${at("stories/second-story.json")}: $.photo.src: ${at("images/outside.jpg")} leads out of the data folder (a symbolic link); expected a .jpg, .png, .webp or .avif file inside it`,
        ].toSorted(),
      );
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
