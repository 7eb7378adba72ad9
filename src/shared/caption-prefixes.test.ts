import { describe, expect, it } from "vitest";
import { captionPrefixes } from "@/shared/caption-prefixes";

describe("captionPrefixes", () => {
  it.each([
    ["en", "en", "Image caption, ", "Credit: "],
    ["en-GB", "en", "Image caption, ", "Credit: "],
    ["fa", "fa", "توضیح تصویر، ", "منبع تصویر، "],
    ["FA-ir", "fa", "توضیح تصویر، ", "منبع تصویر، "],
    // No translation yet: English words, marked English.
    ["ar", "en", "Image caption, ", "Credit: "],
    ["he", "en", "Image caption, ", "Credit: "],
  ])("%s gets the %s prefixes", (lang, expectedLang, caption, credit) => {
    expect(captionPrefixes(lang)).toEqual({ lang: expectedLang, caption, credit });
  });
});
