import { createHash } from "node:crypto";
import { CONTENT_ID_MAX_LENGTH } from "../../src/content/content-id.ts";
import type { Block, Photo, Story } from "../../src/content/schema.ts";
import type { FeedItem } from "./feed-items.ts";

/**
 * Stage 2 of `npm run import`: one feed item into a story, or the reason it cannot be one.
 * Everything here is a pure function of the item, so importing the same feed again gives the
 * same story, byte for byte.
 */

const LIMITS = { headline: 200, summary: 400, byline: 200, source: 100, heading: 200 } as const;
const ID_SLUG_LENGTH = 80;
const HASH_LENGTH = 10;

export type StoryDraft = { ok: true; story: Story } | { ok: false; message: string };

/**
 * A stable id from the item's link (else its guid): the readable tail of its path, then a
 * hash of the whole address so two sites' `/news/1` never collide. A changed headline keeps
 * the id; only a new address makes a new story.
 */
export function storyId(address: string): string {
  const hash = createHash("sha256").update(address).digest("hex").slice(0, HASH_LENGTH);
  let path = address;
  try {
    const url = new URL(address);
    path = decodeURIComponent(url.pathname);
  } catch {
    // A guid such as "urn:uuid:…" or "123": its text is all there is.
  }
  const slug = path
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\.(s?html?|php|aspx?)$/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(-ID_SLUG_LENGTH)
    .replace(/^-+/, "");
  const id = slug ? `${slug}-${hash}` : `item-${hash}`;
  return id.slice(-CONTENT_ID_MAX_LENGTH);
}

/** RFC 822 (`Tue, 17 Sep 2024 10:30:00 +0330`) or ISO 8601, as a UTC instant. */
export function utcDate(raw: string): string | undefined {
  let text = raw.trim();
  // Without a zone both forms would be read in this machine's time zone: take them as UTC.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += "Z";
  else if (/^(\w{3},\s*)?\d{1,2}\s+\w{3}\s+\d{2,4}\s+\d{2}:\d{2}(:\d{2})?$/.test(text))
    text += " +0000";
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(".000Z", "Z");
}

/** Cuts at a word boundary, with an ellipsis, when the text is longer than `max`. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `fa_IR` or `FA-ir` -> `fa-IR`; undefined for anything that is not a language tag. */
export function languageTag(raw: string | undefined): string | undefined {
  const parts = raw?.trim().replace(/_/g, "-").split("-") ?? [];
  const [primary, ...rest] = parts;
  if (
    !primary ||
    !/^[a-zA-Z]{2,3}$/.test(primary) ||
    !rest.every((p) => /^[a-zA-Z0-9]{2,8}$/.test(p))
  )
    return undefined;
  return [primary.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join(
    "-",
  );
}

/** Headings longer than a headline may be are paragraphs in all but name. */
function fitBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block) =>
    block.type === "heading" && block.text.length > LIMITS.heading
      ? { type: "paragraph", text: block.text }
      : block,
  );
}

export function storyFromItem(
  item: FeedItem,
  context: { topics: string[]; source: string | undefined; photo: Photo | undefined },
): StoryDraft {
  if (!item.title) return { ok: false, message: "has no title; expected a non-empty title" };
  if (item.title.length > LIMITS.headline)
    return {
      ok: false,
      message: `title is ${item.title.length} characters; a headline may have at most ${LIMITS.headline}`,
    };
  if (!item.published)
    return { ok: false, message: "has no date; expected pubDate, published or date_published" };
  const publishedAt = utcDate(item.published);
  if (!publishedAt)
    return { ok: false, message: `date "${item.published}" is neither RFC 822 nor ISO 8601` };
  const address = item.link ?? item.guid;
  if (!address) return { ok: false, message: "has no link or guid to give it a stable id" };

  const firstText = item.body.find((block) => block.type === "paragraph")?.text;
  const summarySource = item.summary || firstText || "";
  if (!summarySource)
    return {
      ok: false,
      message: "has no summary or content; expected a description, summary or content",
    };
  const body =
    item.body.length > 0
      ? fitBlocks(item.body)
      : [{ type: "paragraph" as const, text: summarySource }];

  const updated = item.updated ? utcDate(item.updated) : undefined;
  const lang = languageTag(item.lang);
  const byline =
    item.authors.length > 0 ? shorten(item.authors.join(", "), LIMITS.byline) : undefined;
  // Key order is the file's order: fixed, so a second import writes the same bytes.
  const story: Story = {
    id: storyId(address),
    headline: item.title,
    summary: shorten(summarySource, LIMITS.summary),
    topics: context.topics,
    publishedAt,
    ...(updated && Date.parse(updated) > Date.parse(publishedAt) ? { updatedAt: updated } : {}),
    ...(byline ? { byline } : {}),
    ...(context.source ? { source: shorten(context.source, LIMITS.source) } : {}),
    ...(lang ? { lang } : {}),
    ...(context.photo ? { photo: context.photo } : {}),
    body,
  };
  return { ok: true, story };
}
