import { describe, expect, it } from "vitest";
import { dominantDirection, textDirection } from "@/content/text-direction";

describe("textDirection", () => {
  it.each([
    ["fa", "rtl"],
    ["fa-IR", "rtl"],
    ["AR", "rtl"],
    ["he", "rtl"],
    ["en", "ltr"],
    ["en-GB", "ltr"],
    ["", "ltr"],
  ])("%j reads %s", (lang, expected) => {
    expect(textDirection(lang)).toBe(expected);
  });
});

describe("dominantDirection", () => {
  it.each<[string, string, "rtl" | "ltr" | undefined]>([
    ["English", "The ferry runs again.", "ltr"],
    ["Persian", "چای خوب باید خوش‌رنگ باشد.", "rtl"],
    ["English opening with a Persian letter", "پ (pe), for the sound p", "ltr"],
    ["Persian opening with a Latin name", "Unicode برای هر حرف فارسی یک کد دارد.", "rtl"],
    ["Hebrew", "שלום עולם", "rtl"],
    ["digits and punctuation only", "۱۴۰۳ — 2024!", undefined],
    ["nothing", "", undefined],
  ])("%s: %j", (_name, text, expected) => {
    expect(dominantDirection(text)).toBe(expected);
  });
});
