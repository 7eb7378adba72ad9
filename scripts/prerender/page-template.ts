import { createHash } from "node:crypto";
import { PRERENDER_STATE_ID } from "../../src/shared/prerender-contract.ts";
import { escapeJsonForScript } from "../../src/shared/script-safe-json.ts";

/**
 * Turns Vite's index.html into the page every prerendered route is poured into. The critical
 * path is the HTML alone: the stylesheet is inlined, and the app's script is not referenced:
 * the inline start-up script (compiled into index.html from src/start-up by
 * scripts/bundle/start-up-scripts.ts) loads it once the page is idle or the reader acts.
 */

export type PageTemplate = {
  render(page: { url: string | null; appHtml: string; state: string }): string;
  /** CSP source expressions for every inline script and style the pages carry. */
  hashes: { scripts: string[]; styles: string[] };
  /** The inline script that applies the remembered text size before paint (the lite pages' one script). */
  textSizeScript: string;
};

export const cspHash = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Inline classic scripts (not the JSON state block, which has a type and never runs). */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

const ROOT = '<div id="root"></div>';

/** React renders <title>, <meta> and preload <link>s first; they belong in <head>. */
const HOISTED = /^(?:<link\b[^>]*\/?>|<meta\b[^>]*\/?>|<title>[^<]*<\/title>)*/;

export function createPageTemplate(
  indexHtml: string,
  readAsset: (href: string) => string,
): PageTemplate {
  const entry = indexHtml.match(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/);
  const entrySrc = entry?.[1];
  if (!entry || !entrySrc) throw new Error("index.html from the client build has no module script");
  // Hashed exactly as they stand in the page, so the policy allows what runs and nothing else.
  const scripts = [...indexHtml.matchAll(INLINE_SCRIPT)].map((match) => match[1] ?? "");
  if (!scripts.some((script) => script.includes(entrySrc))) {
    throw new Error(`index.html has no inline start-up script that loads ${entrySrc}`);
  }
  // The other one, first in <head> (scripts/bundle/start-up-scripts.ts).
  const textSizeScript = scripts.find((script) => !script.includes(entrySrc));
  if (textSizeScript === undefined) throw new Error("index.html has no inline text-size script");

  let styles = "";
  let html = indexHtml
    .replace(entry[0], "")
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, "")
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_tag, href: string) => {
      styles += readAsset(href);
      return "%STYLE%";
    });
  html = html.replace("%STYLE%", () => `<style>${styles}</style>`).replace(/%STYLE%/g, "");
  // Cut once where every page's own markup goes, not searched for in every page: the head
  // holds the whole stylesheet, and two replacements per page copied and scanned it twice.
  const headEnd = html.indexOf("</head>");
  const root = html.indexOf(ROOT);
  if (root === -1) throw new Error('index.html has no <div id="root">');
  if (headEnd === -1 || headEnd > root)
    throw new Error("index.html has no </head> before the root");
  const [head, middle, tail] = [
    html.slice(0, headEnd),
    html.slice(headEnd, root),
    html.slice(root + ROOT.length),
  ];

  return {
    render({ url, appHtml, state }) {
      const hoisted = appHtml.match(HOISTED)?.[0] ?? "";
      const body = appHtml.slice(hoisted.length);
      const prerendered = url === null ? "" : ` data-prerendered="${url}"`;
      return (
        head +
        hoisted +
        middle +
        `<div id="root"${prerendered}>${body}</div>` +
        `<script type="application/json" id="${PRERENDER_STATE_ID}">${escapeJsonForScript(state)}</script>` +
        tail
      );
    },
    hashes: {
      scripts: scripts.map(cspHash),
      styles: styles ? [cspHash(styles)] : [],
    },
    textSizeScript,
  };
}
