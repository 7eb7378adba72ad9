import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp, { type Metadata } from "sharp";
import { type Photo, type Story, storySchema } from "../../src/content/schema.ts";
import { type FeedImageRef, readFeed } from "./feed-items.ts";
import { storyFromItem } from "./story-from-item.ts";

/**
 * `npm run import`: feed files into story files in the data folder. Each problem is one line,
 * `<file>: item <n>: <message>`, and the other items are still imported. Every file is written
 * beside its final name under a dot-name (which the content loader ignores) and renamed into
 * place, so an interrupted import never leaves half a story; unchanged stories are not
 * rewritten at all, so a second import of the same feed changes nothing.
 */

export type ImportOptions = { dataDir: string; inputs: string[]; topics: string[] };

export type ImportReport = {
  /** Problem lines, in the order met. */
  problems: string[];
  summary: string;
  /** 1 when an item, image or file was skipped or the command was misused. */
  exitCode: 0 | 1;
};

const FEED_EXTENSIONS = /\.(xml|rss|atom|json)$/i;
const IMAGE_FOLDER = "images/imported";
const IMAGE_EXTENSION: Record<string, string> = {
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  heif: "avif",
};

/** The files to read: named files as given, folders' feed files in name order. */
async function feedFiles(inputs: string[], problems: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) {
        const names = (await readdir(input)).filter((name) => FEED_EXTENSIONS.test(name)).sort();
        if (names.length === 0)
          problems.push(`${input}: no .xml, .rss, .atom or .json files in this folder`);
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

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

type ImageResult =
  | { kind: "local"; photo: Photo; bytes: Buffer }
  | { kind: "remote" }
  | { kind: "problem"; message: string };

/**
 * A local image (a path relative to the feed file, an absolute path or a file: URL) is read
 * and measured; a remote one is left alone, since the import never uses the network.
 */
async function localImage(
  ref: FeedImageRef,
  feedFile: string,
  headline: string,
): Promise<ImageResult> {
  const { url } = ref;
  let file: string;
  if (/^https?:/i.test(url) || url.startsWith("//")) return { kind: "remote" };
  if (url.startsWith("file:")) file = fileURLToPath(url);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(url))
    return {
      kind: "problem",
      message: `image address ${url} is neither a file nor an http(s) URL; imported without a photo`,
    };
  else file = path.resolve(path.dirname(feedFile), safeDecode(url));
  const bytes = await readIfPresent(file);
  if (!bytes)
    return {
      kind: "problem",
      message: `image ${url} not found (looked for ${file}); imported without a photo`,
    };
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return {
      kind: "problem",
      message: `image ${url} is not a readable image; imported without a photo`,
    };
  }
  const extension = IMAGE_EXTENSION[meta.format ?? ""];
  if (!extension || (meta.format === "heif" && meta.compression !== "av1"))
    return {
      kind: "problem",
      message: `image ${url} is ${meta.format ?? "an unknown format"}; expected JPEG, PNG, WebP or AVIF; imported without a photo`,
    };
  // Named by content: the same picture in two feeds is one file, and re-importing it is a no-op.
  const name = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
  const { width, height } = meta.autoOrient;
  const photo: Photo = {
    src: `${IMAGE_FOLDER}/${name}.${extension}`,
    // Feeds rarely describe their pictures; the headline stands in until an editor writes alt text.
    alt: ref.alt || headline,
    ...(ref.credit ? { credit: ref.credit } : {}),
    width,
    height,
  };
  return { kind: "local", photo, bytes };
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

export async function importFeeds(options: ImportOptions): Promise<ImportReport> {
  const { dataDir, inputs, topics } = options;
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

  const stories = new Map<string, { story: Story; from: string }>();
  const images = new Map<string, Buffer>();
  let skipped = 0;
  let remote = 0;
  let imagesSkipped = 0;
  const files = await feedFiles(inputs, problems);
  let feedsRead = 0;
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => undefined);
    const read =
      text === undefined ? { ok: false as const, message: "could not be read" } : readFeed(text);
    if (!read.ok) {
      problems.push(`${file}: ${read.message}`);
      continue;
    }
    feedsRead++;
    for (const item of read.feed.items) {
      const at = `${file}: item ${item.n}`;
      const image =
        item.image && item.title ? await localImage(item.image, file, item.title) : undefined;
      if (image?.kind === "remote") remote++;
      if (image?.kind === "problem") {
        imagesSkipped++;
        problems.push(`${at}: ${image.message}`);
      }
      const photo = image?.kind === "local" ? image.photo : undefined;
      const draft = storyFromItem(item, { topics, source: read.feed.source, photo });
      const problem = draft.ok ? schemaProblem(draft.story) : draft.message;
      if (!draft.ok || problem) {
        skipped++;
        problems.push(`${at}: ${problem}; skipped`);
        continue;
      }
      const earlier = stories.get(draft.story.id);
      if (earlier) {
        skipped++;
        problems.push(`${at}: has the same link or guid as ${earlier.from}; skipped`);
        continue;
      }
      stories.set(draft.story.id, { story: draft.story, from: at });
      if (image?.kind === "local") images.set(image.photo.src, image.bytes);
    }
  }

  // Images first: a story is only ever written once the picture it names is in place.
  if (images.size > 0) await mkdir(path.join(dataDir, IMAGE_FOLDER), { recursive: true });
  for (const [src, bytes] of images) {
    const target = path.join(dataDir, src);
    const existing = await readIfPresent(target);
    if (!existing?.equals(bytes)) await writeAtomically(target, bytes);
  }
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  await mkdir(path.join(dataDir, "stories"), { recursive: true });
  for (const { story } of stories.values()) {
    const target = path.join(dataDir, "stories", `${story.id}.json`);
    const json = `${JSON.stringify(story, null, 2)}\n`;
    const existing = await readIfPresent(target);
    if (existing?.toString("utf8") === json) unchanged++;
    else {
      await writeAtomically(target, json);
      if (existing) updated++;
      else created++;
    }
  }

  const parts = [
    `import: ${plural(stories.size, "story", "stories")} from ${plural(feedsRead, "feed", "feeds")} into ${dataDir}/ (${created} new, ${updated} updated, ${unchanged} unchanged)`,
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
  const anySkipped = skipped > 0 || imagesSkipped > 0 || problems.length > 0;
  return { problems, summary: parts.join("; "), exitCode: anySkipped ? 1 : 0 };
}

/** `images/caf%C3%A9.jpg` names `images/café.jpg`; a stray `%` is just a character. */
function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
