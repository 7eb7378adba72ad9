import type { Block, Story } from "@/content/schema";

/** A common adult reading pace for news prose; Persian readers are close to it. */
const WORDS_PER_MINUTE = 220;

function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return block.text;
    case "quote":
      return `${block.text} ${block.cite ?? ""}`;
    case "list":
      return block.items.join(" ");
    case "photo":
      return block.photo.caption ?? "";
  }
}

export function readingMinutes(story: Pick<Story, "headline" | "summary" | "body">): number {
  const text = [story.headline, story.summary, ...story.body.map(blockText)].join(" ");
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
