/**
 * The part of a story page the search index is made from. Kept apart from the search stage
 * (search-index.ts) because the prerendering threads hash it too, and they must not load
 * Pagefind.
 */

const BODY = "data-pagefind-body";

/**
 * Markup Pagefind does not read: class names, and a photo's other sizes and formats (it takes
 * an image's `src` and `alt`). Left out, the article it parses is about a quarter smaller and
 * the index byte for byte the same. Matched as React writes markup: it escapes `"`, `<` and
 * `>` in text and attribute values, and the article is a React element (no script, style or
 * comment of ours inside), so neither pattern can match inside a story's words.
 */
const UNREAD_MARKUP = / (?:class|srcset|sizes)="[^"]*"|<source [^>]*\/>/gi;

/** A start tag, its attributes written as React writes them (`name` or `name="value"`). */
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'=/>]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE_NAME = /\s([^\s"'=/>]+)(?:="[^"]*")?/g;
const ARTICLE_TAG = /<(\/?)article(?=[\s/>])/gi;

const marks = (attributes: string) =>
  [...attributes.matchAll(ATTRIBUTE_NAME)].some((attribute) => attribute[1] === BODY);

/**
 * Where the page's one `<article data-pagefind-body>` starts and ends (after its own
 * `</article>`, nested articles counted), found by its tags alone, never by its words.
 *
 * A tag is found by its `<`, and a story's words can never hold one: the page is React's
 * output, which escapes `<` and `>` in every text and attribute value, and the only raw text
 * in it (the page's data and JSON-LD, `src/shared/script-safe-json.ts`, and the build's own
 * styles and scripts) writes `<` as `\u003c` or holds no story text. So a headline "What
 * data-pagefind-body does", a summary "</article>" or a caption "<!--" are characters between
 * tags; `scripts/story-text.crash.test.ts` builds such stories and parses each page as a
 * browser does (parse5) to hold this. Tokenizing the whole page with parse5 instead gave the
 * same articles at 50 times the cost (4 ms against 0.08 ms a page: minutes at 100,000 stories).
 */
function locateArticle(page: string, fail: (what: string) => never): [number, number] {
  // Only the page's few articles are looked at closely; any other tag with the marker is a
  // build that changed its markup, looked for when no article has it.
  const marked = [...page.matchAll(START_TAG)].filter(
    (tag) => tag[1]?.toLowerCase() === "article" && marks(tag[2] ?? ""),
  );
  if (marked.length === 0) {
    const elsewhere = [...page.matchAll(START_TAG)].some((tag) => marks(tag[2] ?? ""));
    fail(
      elsewhere
        ? `${BODY} is not on an <article> element`
        : `expected one <article ${BODY}>, found none`,
    );
  }
  if (marked.length > 1) fail(`expected one <article ${BODY}>, found more than one`);
  const start = marked[0]?.index ?? 0;
  ARTICLE_TAG.lastIndex = start + 1;
  let depth = 1;
  for (let tag = ARTICLE_TAG.exec(page); tag; tag = ARTICLE_TAG.exec(page)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return [start, page.indexOf(">", tag.index) + 1];
  }
  return fail(`the <article ${BODY}> has no end tag`);
}

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
  // A page read as bytes is searched as Latin-1 (a character a byte, and every character of
  // HTML's syntax is ASCII), so offsets are the bytes', and only the article is decoded as
  // UTF-8: the search stage reads a thousand pages a shard.
  const page = typeof html === "string" ? html : html.toString("latin1");
  const text = (from: number, to: number) =>
    typeof html === "string" ? html.slice(from, to) : html.toString("utf8", from, to);
  const [start, end] = locateArticle(page, fail);
  const tag = page.indexOf("<html");
  const htmlTag = tag === -1 ? "<html>" : text(tag, page.indexOf(">", tag) + 1);
  const article = text(start, end).replace(UNREAD_MARKUP, "");
  return `<!doctype html>${htmlTag}<body>${article}</body></html>`;
}
