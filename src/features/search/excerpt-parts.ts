/**
 * Pagefind's excerpt is a string of the story's text with "<" and ">" escaped (`&lt;`, `&gt;`;
 * nothing else is) and each match wrapped in `<mark>`. It is never given to the page as HTML:
 * it is split into text and marked text here, and rendered as React text, so a story whose
 * words look like markup still reads as words.
 */

export type ExcerptPart = { text: string; marked: boolean };

// Only what Pagefind escapes is turned back, so a story's own "&amp;" stays as written. (A
// story that writes "&lt;" itself shows "<" in an excerpt: Pagefind's escaping cannot tell the
// two apart. It is still text.)
const decode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");

export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  // The only tags in an excerpt are Pagefind's own <mark> and </mark>; the story's own "<"
  // arrives escaped, so a literal "<mark>" in a story cannot open a mark.
  for (const [index, piece] of excerpt.split(/<\/?mark>/).entries()) {
    if (piece === "") continue;
    parts.push({ text: decode(piece), marked: index % 2 === 1 });
  }
  return parts;
}
