import { describe, expect, it } from "vitest";
import { excerptParts } from "@/features/search/excerpt-parts";

describe("excerptParts", () => {
  it("splits Pagefind's excerpt into text and the matches it marked", () => {
    expect(excerptParts("The <mark>saffron</mark> harvest starts at <mark>dawn</mark>.")).toEqual([
      { text: "The ", marked: false },
      { text: "saffron", marked: true },
      { text: " harvest starts at ", marked: false },
      { text: "dawn", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("keeps a story's own markup as text: Pagefind escapes its < and >", () => {
    const parts = excerptParts(
      "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;mark&gt;fake&lt;/mark&gt; <mark>tea</mark>",
    );
    expect(parts).toEqual([
      { text: "<script>alert(1)</script> and <mark>fake</mark> ", marked: false },
      { text: "tea", marked: true },
    ]);
  });

  it("leaves an ampersand the story wrote as it is", () => {
    expect(excerptParts("R&amp;D <mark>spend</mark>")[0]?.text).toBe("R&amp;D ");
  });

  it("reads Persian matches", () => {
    expect(excerptParts("یک استکان <mark>چای</mark> داغ")).toEqual([
      { text: "یک استکان ", marked: false },
      { text: "چای", marked: true },
      { text: " داغ", marked: false },
    ]);
  });
});
