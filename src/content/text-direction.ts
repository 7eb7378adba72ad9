/** Languages written right-to-left; every other BCP 47 tag reads left-to-right. */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ps", "ur", "yi", "dv", "ckb", "sd", "ug"]);

export type TextDirection = "rtl" | "ltr";

export function textDirection(lang: string): TextDirection {
  const primary = lang.split("-")[0]?.toLowerCase() ?? "";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}

const LETTERS = /\p{L}/gu;
const RTL_LETTERS =
  /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/gu;
const ANY_LETTER = /\p{L}/u;
const ANY_RTL_LETTER = new RegExp(RTL_LETTERS.source, "u");

/**
 * The direction most of a text's letters read in; undefined when it has no letters, or as many
 * each way, so the text keeps the direction around it. Unlike dir="auto", which follows the
 * first letter alone, an English sentence that opens with a Persian word ("پ (pe), for the
 * sound p") stays left to right, while a Persian quotation inside an English story still
 * reads right to left.
 */
export function dominantDirection(text: string): TextDirection | undefined {
  // Most blocks hold no right-to-left letter at all: then there is nothing to count (counting
  // makes an array of every letter, and prerendering does it for every block of every story).
  if (!ANY_RTL_LETTER.test(text)) return ANY_LETTER.test(text) ? "ltr" : undefined;
  const letters = text.match(LETTERS)?.length ?? 0;
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const ltr = letters - rtl;
  if (rtl === ltr) return undefined;
  return rtl > ltr ? "rtl" : "ltr";
}
