import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { mapLimit } from "../shared/map-limit.ts";

/**
 * The synthetic archive the benchmarks build: 12 topics, 8 shared photos, every 50th story
 * breaking, every 300th a special report, every 20th in Persian. Deterministic, so runs and
 * machines compare like for like.
 */

export const TOPICS = [
  "iran",
  "world",
  "economy",
  "science",
  "health",
  "culture",
  "sport",
  "climate",
  "politics",
  "technology",
  "education",
  "travel",
];
export const IMAGES = [
  { src: "images/harbour.jpg", width: 1200, height: 675, format: "jpeg" },
  { src: "images/market.jpg", width: 800, height: 600, format: "jpeg" },
  { src: "images/skyline.png", width: 1024, height: 512, format: "png" },
  { src: "images/portrait.webp", width: 600, height: 800, format: "webp" },
  { src: "images/field.jpg", width: 1280, height: 720, format: "jpeg" },
  { src: "images/street.jpg", width: 960, height: 640, format: "jpeg" },
  { src: "images/crowd.png", width: 800, height: 450, format: "png" },
  { src: "images/coast.webp", width: 1000, height: 750, format: "webp" },
] as const;
const WORDS = (
  "the city council said on tuesday that officials expect a decision after talks with " +
  "residents about water supply roads schools and the budget for next year while analysts " +
  "noted that prices rose in several regions and farmers reported a late harvest"
).split(" ");

/** Deterministic text so runs and machines compare like for like. */
export function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function sentenceMaker(random: () => number) {
  return (words: number): string => {
    const picked = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]);
    const text = picked.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
}

function photo(index: number, alt: string) {
  const image = IMAGES[index % IMAGES.length] ?? IMAGES[0];
  return {
    src: image.src,
    alt,
    caption: `FILE - ${alt}`,
    credit: "Generated benchmark image",
    width: image.width,
    height: image.height,
  };
}

export function syntheticStory(n: number, random: () => number) {
  const sentence = sentenceMaker(random);
  const paragraph = () => Array.from({ length: 5 }, () => sentence(16)).join(" ");
  const first = TOPICS[n % TOPICS.length] ?? "world";
  const second = TOPICS[(n * 3 + 1) % TOPICS.length] ?? "world";
  // Minutes apart with every 50th pair sharing a minute, so id tie-breaks are exercised.
  const minutes = n - (n % 50 === 1 ? 1 : 0);
  const story: Record<string, unknown> = {
    id: `story-${String(n).padStart(6, "0")}`,
    headline: sentence(11),
    summary: `${sentence(18)} ${sentence(12)}`,
    topics: n % 3 === 0 && first !== second ? [first, second] : [first],
    publishedAt: new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString(),
    byline: "By Benchmark Desk",
    body: [
      { type: "paragraph", text: paragraph() },
      { type: "quote", text: sentence(14), cite: "A spokesperson" },
      n % 5 === 0
        ? { type: "photo", photo: photo(n + 1, "A generated test pattern") }
        : { type: "heading", text: sentence(6) },
      { type: "paragraph", text: paragraph() },
      { type: "list", items: [sentence(6), sentence(7), sentence(5)] },
    ],
  };
  if (n % 10 < 7) story.photo = photo(n, sentence(8));
  if (n % 50 === 0) story.breaking = true;
  if (n % 300 === 0) story.specialReport = true;
  if (n % 20 === 0) story.lang = "fa";
  if (n % 2 === 0) story.sample = true;
  return story;
}

export async function generateCorpus(dataDir: string, count: number): Promise<void> {
  await mkdir(path.join(dataDir, "stories"), { recursive: true });
  await mkdir(path.join(dataDir, "images"), { recursive: true });
  await writeFile(
    path.join(dataDir, "topics.json"),
    JSON.stringify(TOPICS.map((slug) => ({ slug, name: slug[0]?.toUpperCase() + slug.slice(1) }))),
  );
  for (const image of IMAGES) {
    const canvas = sharp({
      create: { width: image.width, height: image.height, channels: 3, background: "#4a6b8a" },
    });
    await canvas.toFormat(image.format).toFile(path.join(dataDir, image.src));
  }
  const random = makeRandom(42);
  // Written in slices so a 100,000-story corpus is never in memory at once.
  for (let start = 0; start < count; start += 5_000) {
    const stories = Array.from({ length: Math.min(5_000, count - start) }, (_, i) =>
      syntheticStory(start + i, random),
    );
    await mapLimit(stories, 64, (story) => writeStory(dataDir, story));
  }
}

export function writeStory(dataDir: string, story: Record<string, unknown>): Promise<void> {
  return writeFile(
    path.join(dataDir, "stories", `${String(story.id)}.json`),
    JSON.stringify(story, null, 2),
  );
}
