/** Languages written right-to-left; every other BCP 47 tag reads left-to-right. */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ps", "ur", "yi", "dv", "ckb", "sd", "ug"]);

export type TextDirection = "rtl" | "ltr";

export function textDirection(lang: string): TextDirection {
  const primary = lang.split("-")[0]?.toLowerCase() ?? "";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}
