import { mkdir, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { type Story, storySchema } from "../../src/content/schema.ts";
import { mapLimit } from "../shared/map-limit.ts";
import { decodeFeed } from "./decode-feed.ts";
import { feedImage } from "./feed-image.ts";
import { type ReadFeedResult, readFeed } from "./feed-items.ts";
import {
  decide,
  LEDGER_FILE,
  type Ledger,
  readLedger,
  sha256,
  writeAtomically,
  writeLedger,
} from "./import-ledger.ts";
import { readRegularFile } from "./local-file.ts";
import { storyFromItem, withPhoto } from "./story-from-item.ts";

/**
 * `npm run import`: feed files into story files in the data folder. Each problem is one line,
 * `<file>: item <n>: <message>`; every item is imported or skipped on its own, so no item,
 * image or file can stop the others, and the summary is always made. Every file is written
 * beside its final name under a dot-name (which the content loader ignores) and renamed into
 * place, so an interrupted import never leaves half a story; unchanged stories are not
 * rewritten at all, so a second import of the same feed changes nothing. A story from another
 * feed, or one an editor changed since it was imported, is kept (import-ledger.ts) unless
 * `overwrite` is set.
 */

export type ImportOptions = {
  dataDir: string;
  inputs: string[];
  topics: string[];
  /** Replace stories from other feeds and ones an editor changed since their import. */
  overwrite?: boolean;
  /** The import's time (for items without a date); now unless a test says otherwise. */
  now?: Date;
};

export type ImportFigures = {
  files: number;
  feedsRead: number;
  items: number;
  stories: number;
  skipped: number;
};

export type ImportReport = {
  /** Problem and warning lines, in the order met. */
  problems: string[];
  summary: string;
  /** What the summary says, as numbers (absent when the command was misused). */
  figures?: ImportFigures;
  /** 1 when an item, image or file was skipped or the command was misused. */
  exitCode: 0 | 1;
};

const FEED_EXTENSIONS = /\.(xml|rss|atom|json|rdf)$/i;
/** Far above any real feed file; a bound so a device or a runaway file is never read whole. */
const MAX_FEED_BYTES = 64 * 1024 * 1024;

/** How many feed files are read, and story files written, at once. */
const READ_AHEAD = 16;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The files to read: named files as given, folders' feed files in name order. */
async function feedFiles(inputs: string[], problems: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) {
        const names = (await readdir(input)).filter((name) => FEED_EXTENSIONS.test(name)).sort();
        if (names.length === 0)
          problems.push(`${input}: no .xml, .rss, .atom, .rdf or .json files in this folder`);
        files.push(...names.map((name) => path.join(input, name)));
      } else {
        files.push(input);
      }
    } catch {
      problems.push(`${input}: not found; expected a feed file or a folder of feed files`);
    }
  }
  return files;
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

function schemaProblem(story: Story): string | undefined {
  const result = storySchema.safeParse(story);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const at = (issue?.path ?? [])
    .map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`))
    .join("");
  return `$${at}: ${issue?.message ?? "invalid"}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One feed file, read as a regular file of a bounded size, decoded and parsed. */
async function readFeedFile(file: string): Promise<ReadFeedResult> {
  try {
    // A feed is named on the command line, so a symlink to it is followed; what it names
    // must still be a regular file of a bounded size.
    const real = await realpath(file).catch(() => undefined);
    if (!real) return { ok: false, message: "not found; expected a feed file" };
    const bytes = await readRegularFile(real, MAX_FEED_BYTES);
    if (bytes.ok) return readFeed(decodeFeed(bytes.bytes));
    return {
      ok: false,
      message:
        bytes.reason === "too-large"
          ? `is over ${MAX_FEED_BYTES / 1024 / 1024} MB; not read`
          : "is not a regular file; expected a feed file",
    };
  } catch (error) {
    return { ok: false, message: `could not be read: ${messageOf(error)}` };
  }
}

type Accepted = { story: Story; from: string; feed: string; image?: Buffer };

/** The publishedAt of the story file already written for `id`, if any. */
async function earlierDate(dataDir: string, id: string): Promise<string | undefined> {
  const existing = await readIfPresent(path.join(dataDir, "stories", `${id}.json`));
  try {
    const date = existing && (JSON.parse(existing.toString("utf8")) as Story).publishedAt;
    return typeof date === "string" ? date : undefined;
  } catch {
    return undefined;
  }
}

export async function importFeeds(options: ImportOptions): Promise<ImportReport> {
  const { dataDir, inputs, topics, overwrite = false } = options;
  const now = options.now ?? new Date();
  const problems: string[] = [];
  const fail = (message: string): ImportReport => ({
    problems: [message],
    summary: "import: nothing imported",
    exitCode: 1,
  });
  if (inputs.length === 0)
    return fail("usage: npm run import -- <feed file or folder>... --topic <slug>");
  if (topics.length === 0)
    return fail("--topic <slug> is required: the topic the imported stories belong to");

  const topicsFile = path.join(dataDir, "topics.json");
  let known: string[];
  try {
    known = (JSON.parse(await readFile(topicsFile, "utf8")) as { slug: string }[]).map(
      (topic) => topic.slug,
    );
  } catch {
    return fail(`${topicsFile}: could not be read; expected the data folder's topic list`);
  }
  const unknown = topics.filter((slug) => !known.includes(slug));
  if (unknown.length > 0)
    return fail(
      `--topic ${unknown.join(", ")}: not in ${topicsFile}; expected one of ${known.join(", ")}`,
    );

  const accepted = new Map<string, Accepted>();
  let items = 0;
  let skipped = 0;
  let remote = 0;
  let imagesSkipped = 0;
  const files = await feedFiles(inputs, problems);
  const inputsMissing = problems.length > 0;
  let feedsRead = 0;
  // Files are read a few at a time ahead of the items (reading is mostly waiting), and
  // their items then judged in order, so the lines come in the same order every time.
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const chunk = files.slice(start, start + READ_AHEAD);
    const reads = await mapLimit(chunk, READ_AHEAD, readFeedFile);
    for (const [index, file] of chunk.entries()) {
      const read = reads[index] ?? { ok: false, message: "could not be read" };
      if (!read.ok) {
        problems.push(`${file}: ${read.message}`);
        continue;
      }
      feedsRead++;
      const { feed } = read;
      // Ids of items whose link or guid is not an absolute URL are namespaced by this key.
      // Without an address of its own, a feed is known by its folder's and its own name.
      const feedKey =
        feed.address ??
        `file ${path.basename(path.dirname(path.resolve(file)))}/${path.basename(file)}`;
      // Pictures are looked for beside the feed itself, not beside a symlink to it.
      const realFile = await realpath(file).catch(() => file);
      for (const item of feed.items) {
        items++;
        const at = `${file}: item ${item.n}`;
        try {
          const draft = storyFromItem(item, {
            topics,
            source: feed.source,
            feedKey,
            feedDate: feed.date,
            now,
          });
          if (!draft.ok) {
            skipped++;
            problems.push(`${at}: ${draft.message}; skipped`);
            continue;
          }
          let { story } = draft;
          if (draft.undated) {
            // Dated at the time of import: a second import keeps the first one's date.
            const earlier =
              draft.undated.from === "import" ? await earlierDate(dataDir, story.id) : undefined;
            if (earlier) story = { ...story, publishedAt: earlier };
            const how =
              draft.undated.from === "feed"
                ? "dated as the feed"
                : earlier
                  ? "dated as when first imported"
                  : "dated at the time of import";
            problems.push(`${at}: ${draft.undated.reason}; ${how}, ${story.publishedAt}`);
          }
          const image = item.image
            ? await feedImage(item.image, realFile, story.headline)
            : undefined;
          if (image?.kind === "remote") remote++;
          if (image?.kind === "problem") {
            imagesSkipped++;
            problems.push(`${at}: ${image.message}`);
          }
          if (image?.kind === "local") story = withPhoto(story, image.photo);
          const problem = schemaProblem(story);
          if (problem) {
            skipped++;
            problems.push(`${at}: ${problem}; skipped`);
            continue;
          }
          const earlier = accepted.get(story.id);
          if (earlier) {
            skipped++;
            problems.push(`${at}: has the same link or guid as ${earlier.from}; skipped`);
            continue;
          }
          accepted.set(story.id, {
            story,
            from: at,
            feed: feedKey,
            ...(image?.kind === "local" ? { image: image.bytes } : {}),
          });
        } catch (error) {
          skipped++;
          problems.push(`${at}: could not be imported (${messageOf(error)}); skipped`);
        }
      }
    }
  }

  const counts = await writeStories(dataDir, [...accepted.values()], overwrite, problems);
  const parts = [
    `import: ${plural(accepted.size, "story", "stories")} of ${plural(items, "item", "items")} from ${plural(feedsRead, "feed", "feeds")} into ${dataDir}/ (${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged${counts.kept > 0 ? `, ${counts.kept} kept as they were` : ""})`,
  ];
  if (skipped > 0) parts.push(`${plural(skipped, "item", "items")} skipped`);
  if (imagesSkipped > 0)
    parts.push(`${plural(imagesSkipped, "local image", "local images")} not imported`);
  if (remote > 0)
    parts.push(
      `${plural(remote, "remote image", "remote images")} not fetched (the import never uses the network), so ${remote === 1 ? "its story has" : "those stories have"} no photo`,
    );
  const failedFiles = files.length - feedsRead;
  if (failedFiles > 0) parts.push(`${plural(failedFiles, "file", "files")} not read`);
  if (counts.failed > 0) parts.push(`${plural(counts.failed, "story", "stories")} not written`);
  // Warnings (an item dated as its feed, a story kept as an editor left it) do not fail the
  // import; anything skipped, or a misuse, does.
  const failed =
    skipped > 0 || imagesSkipped > 0 || failedFiles > 0 || counts.failed > 0 || inputsMissing;
  return {
    problems,
    summary: parts.join("; "),
    figures: { files: files.length, feedsRead, items, stories: accepted.size, skipped },
    exitCode: failed ? 1 : 0,
  };
}

type WriteCounts = {
  new: number;
  updated: number;
  unchanged: number;
  kept: number;
  failed: number;
};

type Outcome =
  | { kind: "new" | "updated" | "unchanged"; json: string }
  | { kind: "kept"; line: string }
  | { kind: "failed"; line: string };

/** One story's file (and its picture first), unless it may not be replaced. */
async function writeStory(
  dataDir: string,
  { story, from, feed, image }: Accepted,
  ledger: Ledger,
  overwrite: boolean,
): Promise<Outcome> {
  const target = path.join(dataDir, "stories", `${story.id}.json`);
  const json = `${JSON.stringify(story, null, 2)}\n`;
  try {
    const existing = await readIfPresent(target);
    const decision = decide(existing, json, ledger.get(story.id), feed, overwrite);
    if (decision.kind === "kept")
      return {
        kind: "kept",
        line: `${from}: stories/${story.id}.json ${decision.why}; kept as it is (--overwrite replaces it)`,
      };
    if (decision.write) {
      if (image && story.photo) {
        const picture = path.join(dataDir, story.photo.src);
        await mkdir(path.dirname(picture), { recursive: true });
        if (!(await readIfPresent(picture))?.equals(image)) await writeAtomically(picture, image);
      }
      await writeAtomically(target, json);
    }
    return { kind: decision.kind, json };
  } catch (error) {
    return {
      kind: "failed",
      line: `${from}: stories/${story.id}.json could not be written: ${messageOf(error)}`,
    };
  }
}

/**
 * Each story's picture, then the story, a few at a time; then the ledger. A story that may not
 * be replaced is kept, with a line saying why; a write that fails is a line too, and the
 * others are still written. Lines come in the items' order.
 */
async function writeStories(
  dataDir: string,
  accepted: Accepted[],
  overwrite: boolean,
  problems: string[],
): Promise<WriteCounts> {
  const counts: WriteCounts = { new: 0, updated: 0, unchanged: 0, kept: 0, failed: 0 };
  const ledger: Ledger = await readLedger(dataDir);
  await mkdir(path.join(dataDir, "stories"), { recursive: true });
  const outcomes = await mapLimit(accepted, READ_AHEAD, (entry) =>
    writeStory(dataDir, entry, ledger, overwrite),
  );
  const changes: Ledger = new Map();
  for (const [index, outcome] of outcomes.entries()) {
    counts[outcome.kind]++;
    if ("line" in outcome) {
      problems.push(outcome.line);
      continue;
    }
    const { story, feed } = accepted[index] as Accepted;
    const known = ledger.get(story.id);
    const entry = { feed, sha256: sha256(outcome.json) };
    // An unchanged file the ledger does not know yet is recorded as this feed's.
    if (
      (outcome.kind !== "unchanged" || !known) &&
      (known?.sha256 !== entry.sha256 || known.feed !== feed)
    )
      changes.set(story.id, entry);
  }
  try {
    if (changes.size > 0) await writeLedger(dataDir, changes);
  } catch (error) {
    problems.push(`${dataDir}/${LEDGER_FILE}: could not be written: ${messageOf(error)}`);
  }
  return counts;
}
