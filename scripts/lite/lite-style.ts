import { TEXT_SIZES } from "../../src/features/text-size/text-size.ts";

/**
 * The lite pages' whole stylesheet, inline in each page (the CSP allows it by its hash,
 * scripts/shared/headers.ts). System fonts only. The text size is the font size of `.page`:
 * set on <html data-text-size> by the full site's inline script from the remembered size, and
 * by the links to `#size-<size>` without any script, as `:target` on an empty element before
 * `.page` (its id outranks the attribute, so the size picked on this page wins).
 */

/** The full site's reading sizes (src/app/styles.css), MD its default. */
const SIZES: Record<(typeof TEXT_SIZES)[number]["value"], string> = {
  xs: "0.875rem",
  sm: "1rem",
  md: "1.125rem",
  lg: "1.4375rem",
};

const sizeRules = TEXT_SIZES.map(
  ({ value }) =>
    `:root[data-text-size=${value}] .page,#size-${value}:target~.page{font-size:${SIZES[value]}}`,
).join("");

export const LITE_STYLE = `body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}\
.page{max-width:40em;margin:0 auto;padding:0 1rem 2rem;font-size:${SIZES.md}}\
a{color:#0645ad}a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}\
header{border-bottom:1px solid #ccc;padding:.5rem 0}header p{margin:.25rem 0}\
.skip{position:absolute;left:-999px}.skip:focus{position:static}\
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
.sizes a{display:inline-block;min-width:2.75rem;padding:.5rem 0;text-align:center}\
input,button{font:inherit;padding:.4rem}\
h1{font-size:1.6em;line-height:1.25}h2{font-size:1.25em}\
.meta,figcaption,.credit{color:#555;font-size:.875em}\
figure{margin:1rem 0;padding:.5rem;border-left:4px solid #ccc}\
[dir=rtl] figure{border-left:0;border-right:4px solid #ccc}\
figure a{display:inline-block;padding:.5rem 0}\
blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:4px solid #ccc}\
.list{list-style:none;padding:0}.list li{margin:.9rem 0}.lead{font-size:1.1em}\
.topics a{display:inline-block;margin-inline-end:1rem;padding:.25rem 0}\
footer{border-top:1px solid #ccc;margin-top:2rem;padding-top:.5rem}\
@media(prefers-color-scheme:dark){body{color:#ececec;background:#121212}a{color:#8ab4f8}.meta,figcaption,.credit{color:#b0b0b0}}\
${sizeRules}`;
