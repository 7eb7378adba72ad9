import { describe, expect, it } from "vitest";
import { searchHeading, storyResult } from "@/features/search/search-stories";

describe("storyResult", () => {
  it("reads a story page's record: id from its file, headline, date, language, topic", () => {
    const result = storyResult({
      url: "/stories/iranian-tea-culture-fa.html",
      excerpt: "<mark>چای</mark> در فرهنگ",
      meta: {
        title: "چای در فرهنگ ایرانی",
        date: "2024-08-27T10:20:00Z",
        lang: "fa",
        topic: "Iran",
      },
    });
    expect(result).toEqual({
      id: "iranian-tea-culture-fa",
      headline: "چای در فرهنگ ایرانی",
      excerpt: [
        { text: "چای", marked: true },
        { text: " در فرهنگ", marked: false },
      ],
      date: "2024-08-27T10:20:00Z",
      lang: "fa",
      topic: "Iran",
    });
  });

  it("leaves out a date it cannot read, and defaults the language to English", () => {
    const result = storyResult({ url: "/stories/a.html", excerpt: "", meta: { date: "soon" } });
    expect(result.date).toBeUndefined();
    expect(result.lang).toBe("en");
  });
});

describe("searchHeading", () => {
  it("counts the stories found, or says none were", () => {
    expect(searchHeading(12, "saffron")).toBe("12 stories for “saffron”");
    expect(searchHeading(1, "saffron")).toBe("1 story for “saffron”");
    expect(searchHeading(0, "saffron")).toBe("No stories found for “saffron”");
    expect(searchHeading(12345, "saffron")).toBe("12,345 stories for “saffron”");
  });

  it("claims no total while older stories are still being searched", () => {
    expect(searchHeading(1000, "harvest", false)).toBe("1,000+ stories for “harvest”");
    expect(searchHeading(1, "saffron", false)).toBe("1+ stories for “saffron”");
  });
});
