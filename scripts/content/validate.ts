import { statSync } from "node:fs";
import { BREAKING_FEED } from "../../src/content/api-types.ts";
import { CONTENT_ID_MAX_LENGTH, isContentId } from "../../src/content/content-id.ts";
import {
  type Photo,
  type Story,
  storySchema,
  type Topic,
  topicsSchema,
} from "../../src/content/schema.ts";
import { type ContentError, jsonPath } from "./content-error.ts";
import { addStoryPhotos, checkImages, type PhotoRef, photoRefs, photoSrcsOf } from "./images.ts";
import { isRecord, type LoadedFiles, readStoryFile, type SourceFile } from "./load.ts";
import { issuesToErrors, PARSE_FOR_EDITORS } from "./zod-issues.ts";

/**
 * Stage 2: the schema per file, then what no single-file schema can see: ids against file
 * names and each other, topics against topics.json, photos against the image files. Cross
 * checks read the raw JSON so one run reports every problem, not just the first layer.
 */

/** What the rest of the build needs of a story: all of it but its body (see rereadStory). */
export type StoryCard = Omit<Story, "body">;

/**
 * What a build learned of each valid story file, by file name (kept in the build cache): the
 * file's size, times and inode, the hash of its text, and its card and photos. A file whose
 * size, times and inode are unchanged is not read again, nor run through the schema; one that
 * was saved again with the same text is read but not run through the schema.
 */
export type KnownStories = ReadonlyMap<string, string>;

export type Validated = {
  topics: Topic[];
  /** In file-name order. */
  cards: StoryCard[];
  /** Every photo the stories show, once per image file, keyed by its src. */
  photos: Map<string, Photo>;
  /** The srcs of the photos each story shows (its lead photo's, then its body's), by story id. */
  photosOf: Map<string, string[]>;
  errors: ContentError[];
  /** Text hashes of the story files the schema accepted, by story id. */
  validHashes: Map<string, string>;
  /** What the next build may take as known (see KnownStories). */
  known: Map<string, string>;
};

/** Changes whenever the file is written, replaced or touched. */
function fileStamp(file: string): string | undefined {
  try {
    // Milliseconds as doubles keep a fraction of a microsecond: enough to tell saves apart,
    // and cheaper than BigInt nanoseconds (at 100,000 stories, 0.6 s of a build).
    const info = statSync(file);
    return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
  } catch {
    return undefined;
  }
}

type KnownEntry = { card: StoryCard; bodyPhotos: [index: number, photo: Photo][] };

/**
 * A story file as its known entry gives it: its card, and a body holding only its photo
 * blocks, each at its index, which is all the cross-file checks read of a body.
 */
function knownSource(file: string, name: string, entry: string, stamp: string): SourceFile {
  const hashEnd = entry.indexOf(" ", stamp.length + 1);
  const { card, bodyPhotos } = JSON.parse(entry.slice(hashEnd + 1)) as KnownEntry;
  const body: unknown[] = [];
  for (const [index, photo] of bodyPhotos) body[index] = { type: "photo", photo };
  return { file, name, data: { ...card, body }, hash: entry.slice(stamp.length + 1, hashEnd) };
}

const SHOWN_SLUGS = 20;

function isValidId(value: unknown): value is string {
  return typeof value === "string" && isContentId(value);
}

function suggestedId(name: string): string {
  return name
    .replace(/\.json$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, CONTENT_ID_MAX_LENGTH);
}

/** The slugs in topics.json order (for messages) and as a set (for lookups). */
type KnownTopics = { slugs: string[]; set: Set<string> };
type TopicsResult = { topics: Topic[]; known: KnownTopics | undefined; errors: ContentError[] };

function validateTopics(source: SourceFile | undefined): TopicsResult {
  if (!source) return { topics: [], known: undefined, errors: [] };
  const { file, data } = source;
  const parsed = topicsSchema.safeParse(data, PARSE_FOR_EDITORS);
  const errors = parsed.success ? [] : issuesToErrors(file, parsed.error.issues);

  const slugs: string[] = [];
  const firstIndex = new Map<string, number>();
  if (Array.isArray(data)) {
    data.forEach((topic, index) => {
      if (!isRecord(topic) || typeof topic.slug !== "string") return;
      const slug = topic.slug;
      const path = jsonPath([index, "slug"]);
      const first = firstIndex.get(slug);
      if (first !== undefined) {
        errors.push({
          file,
          path,
          message: `duplicate topic slug "${slug}", already used at ${jsonPath([first])}; every topic needs its own slug`,
        });
        return;
      }
      firstIndex.set(slug, index);
      slugs.push(slug);
      if (slug === BREAKING_FEED)
        errors.push({
          file,
          path,
          message: `"${BREAKING_FEED}" is reserved for the feed of all stories; expected another slug`,
        });
    });
  }
  return {
    topics: parsed.success ? parsed.data : [],
    // Without a usable topics.json, every story would get an "unknown topic" line: noise.
    known: slugs.length > 0 ? { slugs, set: new Set(slugs) } : undefined,
    errors,
  };
}

function fileNameErrors(source: SourceFile): ContentError[] {
  const { file, name, data } = source;
  const rawId = isRecord(data) ? data.id : undefined;
  const stem = name.endsWith(".json") ? name.slice(0, -".json".length) : undefined;
  if (stem === undefined || !isValidId(stem)) {
    const suggestion = isValidId(rawId) ? rawId : suggestedId(name) || "my-story";
    return [
      {
        file,
        path: "$",
        message: `file name "${name}" is not <id>.json; expected lowercase letters, digits and single hyphens ending in .json, such as "${suggestion}.json"`,
      },
    ];
  }
  if (isValidId(rawId) && rawId !== stem)
    return [
      {
        file,
        path: "$.id",
        message: `id "${rawId}" does not match the file name "${name}"; expected "${stem}" (or rename the file to ${rawId}.json)`,
      },
    ];
  return [];
}

function topicErrors(source: SourceFile, known: KnownTopics | undefined): ContentError[] {
  const { file, data } = source;
  if (!isRecord(data) || !Array.isArray(data.topics)) return [];
  const errors: ContentError[] = [];
  const seen = new Set<string>();
  data.topics.forEach((topic: unknown, index) => {
    if (typeof topic !== "string") return;
    const path = jsonPath(["topics", index]);
    if (seen.has(topic)) {
      errors.push({
        file,
        path,
        message: `topic "${topic}" is listed twice; list each topic once`,
      });
    } else if (known && !known.set.has(topic)) {
      const { slugs } = known;
      const shown = slugs.slice(0, SHOWN_SLUGS).map((slug) => `"${slug}"`);
      if (slugs.length > SHOWN_SLUGS) shown.push(`and ${slugs.length - SHOWN_SLUGS} more`);
      errors.push({
        file,
        path,
        message: `unknown topic "${topic}"; expected one of the slugs in topics.json: ${shown.join(", ")}`,
      });
    }
    seen.add(topic);
  });
  return errors;
}

/** Each id's first file, so a later file with the same id is reported against it. */
function duplicateIdError(source: SourceFile, firstFile: Map<string, string>): ContentError[] {
  const { file, data } = source;
  const id = isRecord(data) ? data.id : undefined;
  if (!isValidId(id)) return [];
  const first = firstFile.get(id);
  if (first === undefined) {
    firstFile.set(id, file);
    return [];
  }
  return [
    {
      file,
      path: "$.id",
      message: `duplicate id "${id}", also used by ${first}; expected every story to have its own id`,
    },
  ];
}

/**
 * Reads, parses and checks the story files one at a time, keeping of each only its card, its
 * photos and its hash: the parsed file (its body above all) is garbage before the next is read,
 * so a large archive never has every story in memory at once.
 *
 * `known`: given by the build, what its last run learned of the story files (the build
 * cache's; see KnownStories; empty if nothing, or if the schema changed since), and then the
 * result's `known` is what this run learned. Without it (content:check, the dev server) no
 * file is stamped and nothing is recorded. Cross-file checks (names, topics, duplicates,
 * images) always run, on every story. `decodeImages`: see checkImages.
 */
export async function validateContent(
  dataDir: string,
  loaded: LoadedFiles,
  known?: KnownStories,
  decodeImages = false,
): Promise<Validated> {
  const topics = validateTopics(loaded.topics);
  const errors = [...topics.errors];
  const cards: StoryCard[] = [];
  const photos = new Map<string, Photo>();
  const photosOf = new Map<string, string[]>();
  const photoErrorRefs: PhotoRef[] = [];
  const validHashes = new Map<string, string>();
  const nextKnown = new Map<string, string>();
  // Reported after every file's own problems, as before files were read one at a time.
  const duplicates: ContentError[] = [];
  const firstFile = new Map<string, string>();

  for (const { file, name } of loaded.stories) {
    const stamp = known && fileStamp(file);
    const entry = known?.get(name);
    const unchanged = stamp !== undefined && entry?.startsWith(`${stamp} `) === true;
    let source: SourceFile;
    if (unchanged) source = knownSource(file, name, entry as string, stamp);
    else {
      const read = readStoryFile(file, name);
      if (!read.ok) {
        errors.push(read.error);
        continue;
      }
      source = read.source;
    }
    // The same text as a file the schema accepted: the schema changes nothing in a story it
    // accepts, so it need not run again.
    const accepted = unchanged || entry?.split(" ", 2)[1] === source.hash;
    const parsed = accepted
      ? { success: true as const, data: source.data as Story }
      : storySchema.safeParse(source.data, PARSE_FOR_EDITORS);
    if (parsed.success) {
      // The file's own object (equal to parsed.data, in the file's key order): whether or not
      // the schema ran, a story is emitted byte for byte the same.
      const { body: _body, ...card } = source.data as Story;
      cards.push(card);
      const bodyPhotos = addStoryPhotos(photos, source.data as Story);
      photosOf.set(card.id, photoSrcsOf(source.data as Story));
      validHashes.set(card.id, source.hash);
      if (stamp !== undefined)
        nextKnown.set(
          name,
          unchanged
            ? (entry as string)
            : `${stamp} ${source.hash} ${JSON.stringify({ card, bodyPhotos } satisfies KnownEntry)}`,
        );
    } else errors.push(...issuesToErrors(source.file, parsed.error.issues));
    errors.push(...fileNameErrors(source), ...topicErrors(source, topics.known));
    photoErrorRefs.push(...photoRefs(source.file, source.data));
    duplicates.push(...duplicateIdError(source, firstFile));
  }
  errors.push(...duplicates, ...(await checkImages(dataDir, photoErrorRefs, decodeImages)));
  return { topics: topics.topics, cards, photos, photosOf, errors, validHashes, known: nextKnown };
}
