import { type DefaultTreeAdapterTypes, parseFragment } from "parse5";
import type { Block } from "../../src/content/schema.ts";

/**
 * Feed HTML (RSS content:encoded and description, Atom type="html"/"xhtml", JSON Feed
 * content_html) into the story's typed blocks, through a real HTML parser (parse5, the parser
 * jsdom uses, which follows the browsers' algorithm). Only text survives: paragraphs,
 * headings, quotes and lists become blocks, a link becomes its text, and every element's tags
 * and attributes are dropped. Elements that hold code or media (script, style, iframe, …) are
 * dropped with everything in them, so none of it can turn into story text.
 */

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** Dropped with their content: code, embedded documents and media, forms, page furniture. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "picture",
  "img",
  "source",
  "track",
  "map",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "label",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "nav",
  "table",
  "dialog",
  "figcaption",
]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Elements that end the paragraph around them, whatever else they are. */
const BLOCK_BOUNDARIES = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "figure",
  "blockquote",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "pre",
  "hr",
  "address",
  "center",
  "details",
  "summary",
  ...HEADINGS,
]);

const isElement = (node: Node): node is Element => "tagName" in node;

/** White space as a reader sees it: runs collapse to one space, ends trimmed. */
export function cleanText(text: string): string {
  return text.replace(/[\t\n\f\r ]+/g, " ").trim();
}

/**
 * The text of a subtree: links and other inline elements give their text; <br> a space.
 * Walked with a stack, not recursion: 5,000 nested <span>s are text like any other.
 */
function textOf(root: Node): string {
  const parts: string[] = [];
  const stack: (Node | string)[] = [root];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === "string") parts.push(next);
    else if (next.nodeName === "#text")
      parts.push((next as DefaultTreeAdapterTypes.TextNode).value);
    else if (!isElement(next) || DROPPED.has(next.tagName)) continue;
    else if (next.tagName === "br") parts.push(" ");
    else {
      // Block elements inside inline context still separate words.
      const boundary = BLOCK_BOUNDARIES.has(next.tagName);
      if (boundary) {
        parts.push(" ");
        stack.push(" ");
      }
      for (let i = next.childNodes.length - 1; i >= 0; i--) stack.push(next.childNodes[i] as Node);
    }
  }
  return parts.join("");
}

function listItems(list: Element): string[] {
  return list.childNodes
    .filter((node): node is Element => isElement(node) && node.tagName === "li")
    .map((item) => cleanText(textOf(item)))
    .filter(Boolean);
}

function quoteBlock(quote: Element): Block | undefined {
  // <cite> or a <footer> inside the quotation names its source (the HTML spec's pattern).
  let cite = "";
  const body: Node[] = [];
  for (const node of quote.childNodes) {
    if (isElement(node) && (node.tagName === "cite" || node.tagName === "footer"))
      cite = cleanText(textOf(node)).replace(/^[-—–]\s*/, "");
    else body.push(node);
  }
  const text = cleanText(body.map(textOf).join(" "));
  if (!text) return undefined;
  return cite ? { type: "quote", text, cite } : { type: "quote", text };
}

/** The blocks of an HTML fragment, in order; empty when it holds no text. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let loose = "";
  // Whether `loose` ends in a line break and blanks: kept as we go, since testing the whole
  // paragraph again at every <br> took quadratic time ("word <br>" x 40,000: 8.7 s).
  let endsInBreak = false;
  const append = (text: string) => {
    loose += text;
    if (!/^[\t ]*$/.test(text)) endsInBreak = /\n[\t ]*$/.test(text);
  };
  const flush = () => {
    const text = cleanText(loose);
    if (text) blocks.push({ type: "paragraph", text });
    loose = "";
    endsInBreak = false;
  };
  // A stack instead of recursion, so that no depth of nesting can overflow the call stack;
  // FLUSH marks the end of a block element's children.
  const FLUSH = null;
  const stack: (Node | typeof FLUSH)[] = parseFragment(html).childNodes.slice().reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === FLUSH) {
      flush();
      continue;
    }
    if (!isElement(node)) {
      if (node.nodeName === "#text") append((node as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    const tag = node.tagName;
    if (DROPPED.has(tag)) continue;
    if (HEADINGS.has(tag)) {
      flush();
      const text = cleanText(textOf(node));
      if (text) blocks.push({ type: "heading", text });
    } else if (tag === "p" || tag === "pre" || tag === "address" || tag === "dt" || tag === "dd") {
      flush();
      loose = textOf(node);
      flush();
    } else if (tag === "blockquote") {
      flush();
      const quote = quoteBlock(node);
      if (quote) blocks.push(quote);
    } else if (tag === "ul" || tag === "ol") {
      flush();
      const items = listItems(node);
      if (items.length > 0)
        blocks.push(
          tag === "ol" ? { type: "list", ordered: true, items } : { type: "list", items },
        );
    } else if (tag === "br") {
      // Two line breaks in a row are how many CMS editors end a paragraph.
      if (endsInBreak) flush();
      else append("\n");
    } else if (BLOCK_BOUNDARIES.has(tag)) {
      flush();
      stack.push(FLUSH);
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as Node);
    } else {
      append(textOf(node));
    }
  }
  flush();
  return blocks;
}

/** HTML that should be one line of plain text (an Atom type="html" title, an RSS description). */
export function htmlToText(html: string): string {
  return cleanText(parseFragment(html).childNodes.map(textOf).join(""));
}

/** Plain text (content_text, Atom type="text") as paragraphs: blank lines separate them. */
export function textToBlocks(text: string): Block[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map(cleanText)
    .filter(Boolean)
    .map((paragraph) => ({ type: "paragraph", text: paragraph }));
}
