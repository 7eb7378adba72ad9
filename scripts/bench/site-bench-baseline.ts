import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StoryPage } from "../../src/content/api-types.ts";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The baseline `npm run bench` holds the app's story page to: the seed story as one plain HTML
 * page with its text and photo and no script, written into `dir` from the build's API file.
 */
export async function writeBaseline(
  dir: string,
  dist: string,
  data: string,
  seedStory: string,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { story } = JSON.parse(
    await readFile(path.join(dist, "api", "stories", `${seedStory}.json`), "utf8"),
  ) as StoryPage;
  const photo = story.photo;
  if (!photo) throw new Error(`${seedStory} has no photo`);
  await copyFile(path.join(data, photo.src), path.join(dir, "photo.jpg"));
  const paragraphs = story.body
    .map((block) => (block.type === "paragraph" ? `<p>${escapeHtml(block.text)}</p>` : ""))
    .join("\n");
  await writeFile(
    path.join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(story.headline)}</title><meta name="description" content="${escapeHtml(story.summary)}">
<style>body{font:1.125rem/1.6 Georgia,serif;max-width:42em;margin:0 auto;padding:1rem;color:#1a1a1a}img{width:100%;height:auto}</style></head>
<body><main><h1>${escapeHtml(story.headline)}</h1><p>${escapeHtml(story.byline ?? "")}</p>
<figure><img src="/photo.jpg" alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}">
<figcaption>${escapeHtml(photo.caption ?? "")}</figcaption></figure>
${paragraphs}</main></body></html>`,
  );
}
