import { createHash } from "node:crypto";
import { APPLY_TEXT_SIZE_SCRIPT } from "../../src/features/reading-size/text-size.ts";
import { PRERENDER_STATE_ID, REPLAY_ATTRIBUTE } from "../../src/shared/prerender-contract.ts";

/**
 * Turns Vite's index.html into the page every prerendered route is poured into. The critical
 * path is the HTML alone: the stylesheet is inlined, and the app's script is not referenced
 * at all until the page has painted: a tiny inline bootstrap adds it on the reader's first
 * interaction (the Guardian hydrates its islands the same way, here page-wide).
 */

export type PageTemplate = {
  render(page: { url: string | null; appHtml: string; state: string }): string;
  /** CSP source expressions for every inline script and style the pages carry. */
  hashes: { scripts: string[]; styles: string[] };
};

/** Escapes JSON for a <script type="application/json"> block: nothing in it can close the tag. */
function escapeJsonForHtml(json: string): string {
  return json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function bootstrapScript(entry: string): string {
  // 1. The text-size buttons were prerendered with MD pressed; show the reader's stored choice.
  // 2. The app's code loads on the reader's first sign of life (pointer, touch, key, focus),
  //    never before: a reader who only reads never pays for it, and a slow phone's main
  //    thread stays free while the story paints.
  // 3. A press on a [data-replay] button before the app is ready is remembered and replayed.
  return `(function(){var d=document,w=window,l=false,t=d.documentElement.getAttribute("data-text-size")||"md";d.querySelectorAll("[${REPLAY_ATTRIBUTE}^=text-size-]").forEach(function(b){b.setAttribute("aria-pressed",String(b.getAttribute("${REPLAY_ATTRIBUTE}")==="text-size-"+t))});function go(){if(l)return;l=true;var s=d.createElement("script");s.type="module";s.src=${JSON.stringify(entry)};d.head.appendChild(s)}d.addEventListener("click",function(e){if(d.documentElement.hasAttribute("data-hydrated"))return;var b=e.target&&e.target.closest&&e.target.closest("[${REPLAY_ATTRIBUTE}]");if(b){e.preventDefault();w.__dispatchReplay=b.getAttribute("${REPLAY_ATTRIBUTE}")}go()},true);["pointerdown","pointermove","touchstart","keydown","focusin","wheel"].forEach(function(n){w.addEventListener(n,go,{capture:true,passive:true,once:true})})})();`;
}

const cspHash = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** React renders <title>, <meta> and preload <link>s first; they belong in <head>. */
const HOISTED = /^(?:<link\b[^>]*\/?>|<meta\b[^>]*\/?>|<title>[^<]*<\/title>)*/;

export function createPageTemplate(
  indexHtml: string,
  readAsset: (href: string) => string,
): PageTemplate {
  const entry = indexHtml.match(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/);
  if (!entry?.[1]) throw new Error("index.html from the client build has no module script");
  const bootstrap = bootstrapScript(entry[1]);

  let styles = "";
  let html = indexHtml
    .replace(entry[0], "")
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, "")
    .replace(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g, (_tag, href: string) => {
      styles += readAsset(href);
      return "%STYLE%";
    });
  if (!html.includes('<div id="root"></div>')) throw new Error('index.html has no <div id="root">');
  html = html.replace("%STYLE%", () => `<style>${styles}</style>`).replace(/%STYLE%/g, "");

  return {
    render({ url, appHtml, state }) {
      const hoisted = appHtml.match(HOISTED)?.[0] ?? "";
      const body = appHtml.slice(hoisted.length);
      const prerendered = url === null ? "" : ` data-prerendered="${url}"`;
      return html
        .replace("</head>", () => `${hoisted}</head>`)
        .replace(
          '<div id="root"></div>',
          () =>
            `<div id="root"${prerendered}>${body}</div>` +
            `<script type="application/json" id="${PRERENDER_STATE_ID}">${escapeJsonForHtml(state)}</script>` +
            `<script>${bootstrap}</script>`,
        );
    },
    hashes: {
      scripts: [cspHash(APPLY_TEXT_SIZE_SCRIPT), cspHash(bootstrap)],
      styles: styles ? [cspHash(styles)] : [],
    },
  };
}
