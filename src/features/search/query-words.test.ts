import { describe, expect, it } from "vitest";
import { queryWords, startsWithWord, wordForms, wordsAt } from "@/features/search/query-words";

describe("queryWords", () => {
  it("reads the words as Pagefind searches for them: lower case, no punctuation or diacritics", () => {
    expect(queryWords("  Café  PRICES, e-mail! ")).toEqual(["cafe", "prices", "email"]);
    expect(queryWords("«چای» چای")).toEqual(["چای"]);
    expect(queryWords(" ?! ")).toEqual([]);
  });
});

describe("wordForms", () => {
  it("splits a word run into the next (a caption's credit) where Pagefind's index does", () => {
    expect(wordForms("table.Illustration")).toEqual(["tableillustration", "table", "illustration"]);
    expect(wordForms("12.Wirephoto")).toContain("wirephoto");
    expect(wordForms("patternGenerated")).toContain("generated");
    expect(wordForms("HTMLParser")).toEqual(expect.arrayContaining(["html", "parser"]));
  });

  it("drops diacritics and keeps letters of every script", () => {
    expect(wordForms("Café")).toEqual(["cafe"]);
    expect(wordForms("«چای»")).toContain("چای");
  });
});

describe("wordsAt", () => {
  it("finds the words at Pagefind's locations as its excerpts count them", () => {
    expect(wordsAt("The  tea\nwas &lt;hot&gt;", [1, 3])).toEqual(["tea", "<hot&gt;"]);
    // Text Pagefind segmented itself (no spaces between words) is split at zero-width spaces.
    expect(wordsAt("茶\u200B很\u200B热", [2])).toEqual(["热"]);
    expect(wordsAt("short", [4])).toEqual([""]);
  });
});

describe("startsWithWord", () => {
  it("tells a word of the text that starts with the word searched for from a shorter stand-in", () => {
    expect(startsWithWord(["teapots"], "teapot")).toBe(true);
    expect(startsWithWord(["Tea", "tea."], "teapot")).toBe(false);
    expect(startsWithWord(["3.Wirephoto"], "wirephoto")).toBe(true);
    expect(startsWithWord(["چ"], "چای")).toBe(false);
  });
});
