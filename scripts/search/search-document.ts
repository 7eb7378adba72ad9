/**
 * The part of a story page the search index is made from. Kept apart from the search stage
 * (search-index.ts) because the prerendering threads hash it too, and they must not load
 * Pagefind.
 */

const BODY = "data-pagefind-body";

/**
 * Markup Pagefind does not read: class names, and a photo's other sizes and formats (it takes
 * an image's `src` and `alt`). Left out, the article it parses is about a quarter smaller and
 * the index byte for byte the same. Matched as React writes markup: it escapes `"` and `>`
 * in text and attribute values, so neither pattern can match inside a story's words.
 */
const UNREAD_MARKUP = / (?:class|srcset|sizes)="[^"]*"|<source [^>]*\/>/gi;

/**
 * What Pagefind is given of a story page: its `<html>` tag and the article it indexes. Pagefind
 * reads nothing outside `data-pagefind-body` (the article holds the headline it takes as the
 * title, the first photo and every meta and filter attribute), so the index comes out byte for
 * byte the same, but each page it is sent and parses is a tenth of the size: the header, side
 * column, footer, inline scripts and the page's data stay behind.
 */
export function searchDocument(html: string | Buffer, file: string): string {
  const fail = (what: string): never => {
    throw new Error(`search index: ${file}: ${what}`);
  };
  // A page read as bytes is searched as bytes, and only what is kept is decoded: the search
  // stage reads a thousand pages a shard, and decoding each whole page took most of its time.
  const text = (from: number, to: number) =>
    typeof html === "string" ? html.slice(from, to) : html.toString("utf8", from, to);
  const before = (found: number, limit: number) => found !== -1 && found < limit;
  const body = html.indexOf(BODY);
  if (body === -1 || html.indexOf(BODY, body + BODY.length) !== -1) {
    fail(`expected one <article ${BODY}>, found ${body === -1 ? "none" : "more than one"}`);
  }
  const start = html.lastIndexOf("<article", body);
  const end = html.indexOf("</article>", body);
  if (start === -1 || end === -1 || before(html.indexOf(">", start), body)) {
    fail(`${BODY} is not on an <article> element`);
  }
  // The article's own end: a story's text is escaped, so only markup could nest one.
  if (before(html.indexOf("<article", start + 1), end)) fail(`the story's article holds another`);
  const tag = html.indexOf("<html");
  const htmlTag = text(tag, html.indexOf(">", tag) + 1);
  const article = text(start, end + "</article>".length).replace(UNREAD_MARKUP, "");
  return `<!doctype html>${htmlTag}<body>${article}</body></html>`;
}
