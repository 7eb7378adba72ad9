import { createHash } from "node:crypto";
import { type Dirent, readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ContentError } from "./content-error.ts";
import { dataFileProblem, dataRoot } from "./data-file.ts";
import { findJsonSyntaxError } from "./json-syntax.ts";

/** Stage 1: read the data folder and parse its JSON; nothing here knows the story schema. */

/** `hash`: of the file's text, so a build can skip checking a story it has already checked. */
export type SourceFile = { file: string; name: string; data: unknown; hash: string };

/** A JSON object, as opposed to an array or a primitive, in a file the schema has not vouched for. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The story files are listed, not read: the next stage reads each in turn (readStoryFile) and
 * keeps only what outlives it, so a large archive is never all in memory at once.
 */
export type LoadedFiles = {
  topics: SourceFile | undefined;
  stories: { file: string; name: string }[];
  errors: ContentError[];
  warnings: ContentError[];
};

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

function describeIoError(error: unknown): string {
  const code = errorCode(error);
  return code ?? (error instanceof Error ? error.message : String(error));
}

export type ReadResult = { ok: true; source: SourceFile } | { ok: false; error: ContentError };

function readText(file: string): string {
  const text = readFileSync(file, "utf8");
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const textHash = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * Read synchronously: the build waits for every story anyway, and for files of a few KB the
 * promise API's thread-pool round trips cost more than the reads (at 20,000 stories, 1.7 s of
 * a 2.3 s stage).
 */
function readJson(file: string, name: string, missing: string): ReadResult {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    const message =
      errorCode(error) === "ENOENT"
        ? missing
        : `could not read the file (${describeIoError(error)}); expected a readable JSON file`;
    return { ok: false, error: { file, path: "$", message } };
  }
  try {
    return { ok: true, source: { file, name, data: JSON.parse(text), hash: textHash(text) } };
  } catch (error) {
    const problem = findJsonSyntaxError(text, error instanceof Error ? error.message : "");
    return {
      ok: false,
      error: {
        file,
        path: "$",
        message: `invalid JSON at line ${problem.line}, column ${problem.column}: ${problem.message}`,
      },
    };
  }
}

async function listFolder(folder: string): Promise<Dirent[] | ContentError> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = errorCode(error);
    const message =
      code === "ENOENT"
        ? "folder not found; expected a folder with one <id>.json file per story"
        : code === "ENOTDIR"
          ? "is a file, not a folder; expected a folder with one <id>.json file per story"
          : `could not read the folder (${describeIoError(error)})`;
    return { file: folder, path: "$", message };
  }
}

async function checkDataFolder(dataDir: string): Promise<ContentError | undefined> {
  const hint = "expected a folder with topics.json and stories/<id>.json files";
  try {
    if (!(await stat(dataDir)).isDirectory())
      return { file: dataDir, path: "$", message: `is a file, not a folder; ${hint}` };
    const entries = await readdir(dataDir);
    if (entries.every((name) => name.startsWith(".")))
      return { file: dataDir, path: "$", message: `data folder is empty; ${hint}` };
  } catch (error) {
    const message =
      errorCode(error) === "ENOENT"
        ? `data folder not found; ${hint} (set DATA_DIR to use another folder)`
        : `could not read the data folder (${describeIoError(error)}); ${hint}`;
    return { file: dataDir, path: "$", message };
  }
  return undefined;
}

export async function readDataFolder(dataDir: string): Promise<LoadedFiles> {
  const loaded: LoadedFiles = { topics: undefined, stories: [], errors: [], warnings: [] };
  const folderError = await checkDataFolder(dataDir);
  if (folderError) {
    loaded.errors.push(folderError);
    return loaded;
  }

  const root = dataRoot(dataDir);
  const topicsFile = path.join(dataDir, "topics.json");
  const topicsProblem = dataFileProblem(root, topicsFile, "a JSON file");
  const topics: ReadResult = topicsProblem
    ? { ok: false, error: { file: topicsFile, path: "$", message: topicsProblem } }
    : readJson(
        topicsFile,
        "topics.json",
        'file not found; expected a list of topics such as [{ "slug": "iran", "name": "Iran" }]',
      );
  if (topics.ok) loaded.topics = topics.source;
  else loaded.errors.push(topics.error);

  const storiesDir = path.join(dataDir, "stories");
  const entries = await listFolder(storiesDir);
  if (!Array.isArray(entries)) {
    loaded.errors.push(entries);
    return loaded;
  }
  const storiesProblem = dataFileProblem(root, storiesDir, "a folder");
  if (storiesProblem?.startsWith("leads out")) {
    loaded.errors.push({ file: storiesDir, path: "$", message: storiesProblem });
    return loaded;
  }

  const storyNames: string[] = [];
  for (const entry of entries) {
    // Dotfiles are editor and OS litter (.DS_Store, .gitkeep), never stories.
    if (entry.name.startsWith(".")) continue;
    const file = path.join(storiesDir, entry.name);
    if (entry.isDirectory()) {
      loaded.warnings.push({
        file,
        path: "$",
        message: "folder ignored; stories must be <id>.json files directly in stories/",
      });
    } else if (!/\.json$/i.test(entry.name)) {
      loaded.warnings.push({
        file,
        path: "$",
        message: "not a .json file, ignored; stories must be named <id>.json",
      });
    } else {
      // A listing says what each entry is without another system call: only what is not a
      // plain file (a link, a pipe, a device) is looked at more closely.
      const problem = entry.isFile() ? undefined : dataFileProblem(root, file, "a JSON file");
      if (problem) loaded.errors.push({ file, path: "$", message: problem });
      else storyNames.push(entry.name);
    }
  }
  if (storyNames.length === 0) {
    loaded.errors.push({
      file: storiesDir,
      path: "$",
      message: "no stories found; expected at least one <id>.json file",
    });
    return loaded;
  }

  for (const name of storyNames) loaded.stories.push({ file: path.join(storiesDir, name), name });
  return loaded;
}

/** One story file of a listing, read and parsed. */
export function readStoryFile(file: string, name: string): ReadResult {
  return readJson(file, name, "file disappeared while reading; run again");
}

/**
 * A story file read again after it was checked, for the files that need all of it: its text
 * must be the one checked (`hash`), or the build would publish a story no check has seen.
 */
export function rereadStory(file: string, hash: string): unknown {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    throw new Error(
      `${file}: could not read the story again (${describeIoError(error)}); it changed during the build, build again`,
    );
  }
  if (textHash(text) !== hash)
    throw new Error(
      `${file}: the story changed during the build (after it was checked); build again`,
    );
  return JSON.parse(text);
}
