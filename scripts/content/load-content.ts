import path from "node:path";
import type { Photo, Story, Topic } from "../../src/content/schema.ts";
import type { ContentError } from "./content-error.ts";
import { readDataFolder, rereadStory } from "./load.ts";
import { type KnownStories, type StoryCard, validateContent } from "./validate.ts";

export type { StoryCard } from "./validate.ts";

/**
 * Validated content, ready for the emit stage. It holds each story's card (all but its body,
 * which is most of a story): feeds, lists, sitemaps and the images need no more, and an
 * archive of 100,000 stories then fits in a few hundred MB. The few files that show a whole
 * story get it from `story`.
 */
export type Content = {
  dataDir: string;
  topics: Topic[];
  /** Newest first: publishedAt desc, then id asc. */
  cards: StoryCard[];
  /** Every photo the stories show, once per image file, keyed by its src. */
  photos: Map<string, Photo>;
  /** The srcs of the photos each story shows (its lead photo's, then its body's), by story id. */
  photosOf: ReadonlyMap<string, readonly string[]>;
  /** The hash of each story's file text, by story id: what all of the story is made of. */
  hashes: ReadonlyMap<string, string>;
  /**
   * The whole story of a card, read again from its file; throws, naming the file, if the file
   * is no longer the one that was checked.
   */
  story(card: StoryCard): Story;
};

/**
 * Warnings are files that are not read (e.g. notes.txt in stories/): worth a line, never a
 * failed build.
 */
export type LoadContentResult =
  | { ok: true; content: Content; warnings: ContentError[]; known: Map<string, string> }
  | { ok: false; errors: ContentError[]; warnings: ContentError[] };

function sortNewestFirst(stories: readonly StoryCard[]): StoryCard[] {
  // Offsets differ between stories ("+02:00" vs "Z"), so compare instants, not strings.
  const keyed = stories.map((story) => ({ story, instant: Date.parse(story.publishedAt) }));
  keyed.sort(
    (a, b) =>
      b.instant - a.instant || (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0),
  );
  return keyed.map(({ story }) => story);
}

/** Errors follow the order an editor would work through them: folder, topics, then stories. */
function byReadingOrder(dataDir: string, errors: ContentError[]): ContentError[] {
  const rank = new Map([
    [dataDir, 0],
    [path.join(dataDir, "topics.json"), 1],
    [path.join(dataDir, "stories"), 2],
  ]);
  return errors.toSorted((a, b) => {
    const byRank = (rank.get(a.file) ?? 3) - (rank.get(b.file) ?? 3);
    return byRank || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  });
}

/**
 * load -> validate -> (sort for the index stage). Never throws for bad content.
 * `known`: what the last build learned of the story files, given by the build (see
 * validateContent). `decodeImages`: decode every image whole (content:check; see checkImages).
 */
export async function loadContent(
  dataDir: string,
  known?: KnownStories,
  options: { decodeImages?: boolean } = {},
): Promise<LoadContentResult> {
  const loaded = await readDataFolder(dataDir);
  const validated = await validateContent(dataDir, loaded, known, options.decodeImages);
  const errors = [...loaded.errors, ...validated.errors];
  if (errors.length > 0)
    return { ok: false, errors: byReadingOrder(dataDir, errors), warnings: loaded.warnings };
  const hashes = validated.validHashes;
  const storiesDir = path.join(dataDir, "stories");
  return {
    ok: true,
    content: {
      dataDir,
      topics: validated.topics,
      cards: sortNewestFirst(validated.cards),
      photos: validated.photos,
      photosOf: validated.photosOf,
      hashes,
      // A valid story's file is stories/<id>.json (validate.ts checks the name against the id).
      story: (card) =>
        rereadStory(path.join(storiesDir, `${card.id}.json`), hashes.get(card.id) ?? "") as Story,
    },
    warnings: loaded.warnings,
    known: validated.known,
  };
}
