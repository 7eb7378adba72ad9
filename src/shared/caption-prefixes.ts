/**
 * The visually hidden words that tell a screen reader user what follows in a figure caption,
 * in the story's language, so a Persian caption is read wholly in Persian (as BBC's World
 * Service sites do: BBC Persian says "توضیح تصویر، " and "منبع تصویر، "). A language with no
 * translation here gets the English words, marked English so they are spoken with an English
 * voice.
 */
export type CaptionPrefixes = { lang: string; caption: string; credit: string };

const ENGLISH: CaptionPrefixes = { lang: "en", caption: "Image caption, ", credit: "Credit: " };

const TRANSLATIONS: Record<string, CaptionPrefixes> = {
  en: ENGLISH,
  fa: { lang: "fa", caption: "توضیح تصویر، ", credit: "منبع تصویر، " },
};

export function captionPrefixes(lang: string): CaptionPrefixes {
  // "fa-IR" and "fa" share the words; BCP 47 primary subtags are case-insensitive.
  const primary = lang.split("-")[0]?.toLowerCase() ?? "";
  return TRANSLATIONS[primary] ?? ENGLISH;
}
