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

/** Limits of the story schema that a feed's text may exceed: such text is cut or split. */
const BLOCK_LIMITS = { paragraph: 10_000, quote: 5_000, listItem: 2_000, cite: 200 } as const;
const PHOTO_LIMITS = { alt: 500, credit: 200 } as const;
/** A date further ahead than this is a mistake or a trap (an item pinned to the top). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** How an item without a usable date of its own was dated. */
export type Undated = { reason: string; from: "feed" | "import" };

export type StoryDraft =
  | { ok: true; story: Story; undated?: Undated }
  | { ok: false; message: string };

export type StoryContext = {
  topics: string[];
  source: string | undefined;
  /** The feed's identity (its http(s) address, else its file name), which namespaces ids. */
  feedKey: string;
  /** The feed's own date, for an item without one. */
  feedDate: string | undefined;
  /** The import's time, for an item without a date in a feed without one. */
  now: Date;
};

const isAbsoluteHttp = (address: string) => /^https?:\/\/[^/\s]/i.test(address);

/**
 * A stable id from the item's link (else its guid): the readable tail of its path, then a
 * hash of the whole address so two sites' `/news/1` never collide. An address that is not an
 * absolute http(s) URL (a guid `42`, a link `/news/1`) says nothing about which site it is
 * from, so the feed's key goes into the hash: two feeds' item 42 are two stories. A changed
 * headline keeps the id; only a new address makes a new story.
 */
export function storyId(address: string, feedKey?: string): string {
  const namespaced = isAbsoluteHttp(address) || !feedKey ? address : `${feedKey}\n${address}`;
  const hash = createHash("sha256").update(namespaced).digest("hex").slice(0, HASH_LENGTH);
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

/**
 * Month names that feeds in Portuguese, Spanish, German and French put in RFC 822 dates
 * ("Seg, 24 Set 2018 19:22:00 -0300"), which the RFC does not allow and Date.parse misreads.
 */
const LOCAL_MONTHS: Record<string, string> = {
  fev: "Feb",
  abr: "Apr",
  mai: "May",
  ago: "Aug",
  set: "Sep",
  out: "Oct",
  dez: "Dec",
  ene: "Jan",
  dic: "Dec",
  mär: "Mar",
  mrz: "Mar",
  okt: "Oct",
  janv: "Jan",
  févr: "Feb",
  mars: "Mar",
  avr: "Apr",
  juin: "Jun",
  juil: "Jul",
  août: "Aug",
  sept: "Sep",
  déc: "Dec",
};

/** RFC 822 (`Tue, 17 Sep 2024 10:30:00 +0330`) or ISO 8601, as a UTC instant. */
export function utcDate(raw: string): string | undefined {
  let text = raw.trim();
  const local = /^(?:\p{L}+\.?,\s*)?(\d{1,2})\s+(\p{L}+)\.?\s+(\d{2,4}\s.*)$/u.exec(text);
  const month = local && LOCAL_MONTHS[local[2]?.toLowerCase() ?? ""];
  if (local && month) text = `${local[1]} ${month} ${local[3]}`;
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

/** The text up to the end of its first sentence, cut at a word to at most `max`. */
export function firstSentence(text: string, max: number): string {
  const end = /[.!?。؟](?=\s|$)/u.exec(text);
  return shorten(end ? text.slice(0, end.index + 1) : text, max);
}

/** Text longer than `max` as pieces that each fit, cut between sentences or words. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf("? "));
    const space = window.lastIndexOf(" ");
    const cut = sentence > max / 2 ? sentence + 1 : space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Blocks made to fit the story schema: a heading longer than a headline is a paragraph in
 * all but name; a long paragraph or quote is split; a long list item or cite is cut.
 */
function fitBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.type === "heading" && block.text.length > LIMITS.heading)
      return fitBlocks([{ type: "paragraph", text: block.text }]);
    if (block.type === "paragraph")
      return splitText(block.text, BLOCK_LIMITS.paragraph).map((text) => ({
        type: "paragraph",
        text,
      }));
    if (block.type === "quote") {
      const texts = splitText(block.text, BLOCK_LIMITS.quote);
      const cite = block.cite ? shorten(block.cite, BLOCK_LIMITS.cite) : undefined;
      // The cite goes with the quotation's last part, where a reader looks for it.
      return texts.map((text, index) =>
        cite && index === texts.length - 1
          ? { type: "quote", text, cite }
          : { type: "quote", text },
      );
    }
    if (block.type === "list")
      return [{ ...block, items: block.items.map((item) => shorten(item, BLOCK_LIMITS.listItem)) }];
    return [block];
  });
}

function fitPhoto(photo: Photo): Photo {
  return {
    ...photo,
    alt: shorten(photo.alt, PHOTO_LIMITS.alt),
    ...(photo.credit ? { credit: shorten(photo.credit, PHOTO_LIMITS.credit) } : {}),
  };
}

/** The item's date, else the feed's, else the import's time, saying which and why. */
function itemDate(item: FeedItem, context: StoryContext): { date: string; undated?: Undated } {
  const raw = item.published ?? item.updated;
  const own = raw ? utcDate(raw) : undefined;
  if (own) return { date: own };
  const reason = raw
    ? `date "${raw}" is neither RFC 822 nor ISO 8601`
    : "has no date (pubDate, published or date_published)";
  const feedDate = context.feedDate ? utcDate(context.feedDate) : undefined;
  if (feedDate) return { date: feedDate, undated: { reason, from: "feed" } };
  const now = context.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return { date: now, undated: { reason, from: "import" } };
}

/** The story with its photo, in the file's key order, its texts cut to the schema's limits. */
export function withPhoto(story: Story, photo: Photo): Story {
  const { body, ...rest } = story;
  return { ...rest, photo: fitPhoto(photo), body };
}

export function storyFromItem(item: FeedItem, context: StoryContext): StoryDraft {
  // Prose first; an item whose content is only a heading or a list still has text to publish.
  const firstText =
    item.body.find((block) => block.type === "paragraph" || block.type === "quote")?.text ??
    item.body
      .map((block) =>
        block.type === "list" ? block.items.join(" ") : "text" in block ? block.text : "",
      )
      .find((blockText) => blockText.trim() !== "");
  const text = item.summary || firstText || "";
  // An item without a title takes the first sentence of its text; without text, its title
  // is its text. Only an item with neither has nothing to publish.
  const headline = item.title
    ? shorten(item.title, LIMITS.headline)
    : firstSentence(text, LIMITS.headline);
  const summarySource = text || item.title;
  if (!headline || !summarySource)
    return {
      ok: false,
      message: "has no title and no text; expected a title, description or content",
    };

  const dated = itemDate(item, context);
  const publishedAt = dated.date;
  if (Date.parse(publishedAt) > context.now.getTime() + FUTURE_TOLERANCE_MS)
    return {
      ok: false,
      message: `date ${publishedAt} is more than a day in the future; expected a date of publication`,
    };
  // Without a link or guid, the item's own words are all that can name it again next time.
  // An absolute address names the story wherever it is read from; prefer it to a relative
  // link or a bare guid, which only name it within this feed.
  const address =
    [item.link, item.guid].find((candidate) => candidate && isAbsoluteHttp(candidate)) ??
    item.link ??
    item.guid ??
    `untitled:${item.title}\n${item.published ?? ""}\n${text}`;

  const body =
    item.body.length > 0
      ? fitBlocks(item.body)
      : fitBlocks([{ type: "paragraph", text: summarySource }]);

  const updated = item.updated ? utcDate(item.updated) : undefined;
  const lang = languageTag(item.lang);
  const byline =
    item.authors.length > 0 ? shorten(item.authors.join(", "), LIMITS.byline) : undefined;
  // Key order is the file's order: fixed, so a second import writes the same bytes.
  const story: Story = {
    id: storyId(address, context.feedKey),
    headline,
    summary: shorten(summarySource, LIMITS.summary),
    topics: context.topics,
    publishedAt,
    ...(updated &&
    Date.parse(updated) > Date.parse(publishedAt) &&
    Date.parse(updated) <= context.now.getTime() + FUTURE_TOLERANCE_MS
      ? { updatedAt: updated }
      : {}),
    ...(byline ? { byline } : {}),
    ...(context.source ? { source: shorten(context.source, LIMITS.source) } : {}),
    ...(lang ? { lang } : {}),
    body,
  };
  return { ok: true, story, ...(dated.undated ? { undated: dated.undated } : {}) };
}
