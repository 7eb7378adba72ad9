/**
 * The part of a story page the search index is made from. Kept apart from the search stage
 * (search-index.ts) because the prerendering threads hash it too, and they must not load
 * Pagefind.
 */
import { type Token, Tokenizer, TokenizerMode } from "parse5";

const BODY = "data-pagefind-body";

/**
 * Markup Pagefind does not read: class names, and a photo's other sizes and formats (it takes
 * an image's `src` and `alt`). Left out, the article it parses is about a quarter smaller and
 * the index byte for byte the same. Matched as React writes markup: it escapes `"`, `<` and
 * `>` in text and attribute values, and the article is a React element (no script, style or
 * comment of ours inside), so neither pattern can match inside a story's words.
 */
const UNREAD_MARKUP = / (?:class|srcset|sizes)="[^"]*"|<source [^>]*\/>/gi;

/**
 * Elements whose content is text up to their own end tag, as the HTML parser reads them (its
 * tree construction switches the tokenizer so; the tokenizer alone does not): a headline in
 * `<title>` or the page's data in a `<script>` is never taken for markup.
 */
const TEXT_CONTENT: Record<string, number> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Inside these, `<title>` or `<style>` is an element like any other (foreign content). */
const FOREIGN = new Set(["svg", "math"]);

/**
 * Where a text element's content that starts at `from` ends: at its first end tag, as HTML
 * defines it (`</name` then a space, `/` or `>`, in any case), unless a script holds `<!--`
 * before it (its escaped states, where `</script>` may not end it) or it is PLAINTEXT; then
 * -1, and the tokenizer reads it a character at a time.
 */
function textEnd(page: string, name: string, mode: number, from: number): number {
  if (mode === TokenizerMode.PLAINTEXT) return -1;
  const end = new RegExp(`</${name}[\\t\\n\\f\\r />]`, "gi");
  end.lastIndex = from;
  const at = end.exec(page)?.index ?? -1;
  if (mode === TokenizerMode.SCRIPT_DATA && at !== -1 && page.slice(from, at).includes("<!--"))
    return -1;
  return at;
}

/** Where the `<html>` start tag and the story's article are, in offsets of the text tokenized. */
type Found = { html?: [number, number]; article?: [number, number] };

/**
 * Finds the page's `<html>` tag and its one `<article data-pagefind-body>` (with whatever it
 * nests) by tokenizing the page as the HTML parser does: parse5's tokenizer, without its tree
 * construction, which took 6 ms a page (60 times the rest of the stage) to build a tree this
 * needs nothing of. Two thirds of a page are its styles, scripts and data, which the tokenizer
 * reads a character at a time: each one's end is found as HTML defines it (textEnd), and a new
 * tokenizer starts there. Only where elements start and end matters, so a page read as bytes
 * is tokenized as Latin-1 (one character per byte, and every character HTML's syntax uses is
 * ASCII): the offsets are the bytes', and only the article is decoded as UTF-8.
 */
function locate(page: string, fail: (what: string) => never): Found {
  const found: Found = {};
  let depth = 0;
  let start = 0;
  let foreign = 0;
  // Where the current tokenizer's input starts in the page, and where the next one starts.
  let offset = 0;
  let resumeAt = -1;
  let tokenizer: Tokenizer;
  const ignore = () => {};
  const handler = {
    onStartTag(tag: Token.TagToken) {
      const location = tag.location as Token.Location;
      const [from, to] = [offset + location.startOffset, offset + location.endOffset];
      const name = tag.tagName;
      if (name === "html" && !found.html) found.html = [from, to];
      if (depth > 0 && name === "article") depth++;
      else if (tag.attrs.some((attr) => attr.name === BODY)) {
        if (name !== "article") fail(`${BODY} is not on an <article> element`);
        if (found.article || depth > 0) fail(`expected one <article ${BODY}>, found more than one`);
        depth = 1;
        start = from;
      }
      if (FOREIGN.has(name) && !tag.selfClosing) foreign++;
      const mode = TEXT_CONTENT[name];
      if (mode === undefined || foreign > 0) return;
      const end = textEnd(page, name, mode, to);
      if (end === -1) tokenizer.state = mode;
      else {
        resumeAt = end;
        tokenizer.pause();
      }
    },
    onEndTag(tag: Token.TagToken) {
      if (FOREIGN.has(tag.tagName) && foreign > 0) foreign--;
      if (depth === 0 || tag.tagName !== "article") return;
      depth--;
      if (depth === 0) found.article = [start, offset + (tag.location as Token.Location).endOffset];
    },
    onComment: ignore,
    onDoctype: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onEof: ignore,
  };
  do {
    offset = resumeAt === -1 ? 0 : resumeAt;
    resumeAt = -1;
    tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
    tokenizer.write(offset === 0 ? page : page.slice(offset), true);
  } while (resumeAt !== -1);
  if (depth > 0) fail(`the <article ${BODY}> has no end tag`);
  return found;
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
  // A page read as bytes is tokenized as bytes (see locate), and only what is kept is decoded:
  // the search stage reads a thousand pages a shard, and decoding each whole page as UTF-8
  // took more time than tokenizing it.
  const page = typeof html === "string" ? html : html.toString("latin1");
  const text = ([from, to]: [number, number]) =>
    typeof html === "string" ? html.slice(from, to) : html.toString("utf8", from, to);
  const found = locate(page, fail);
  if (!found.article) return fail(`expected one <article ${BODY}>, found none`);
  const htmlTag = found.html ? text(found.html) : "<html>";
  const article = text(found.article).replace(UNREAD_MARKUP, "");
  return `<!doctype html>${htmlTag}<body>${article}</body></html>`;
}
