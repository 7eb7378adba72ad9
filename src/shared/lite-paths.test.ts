import { describe, expect, it } from "vitest";
import { litePath, liteVersionOf } from "@/shared/lite-paths";

describe("lite paths", () => {
  it.each([
    ["/", "/lite/"],
    ["/stories/harbour-ferry-returns", "/lite/stories/harbour-ferry-returns"],
    ["/topics/iran", "/lite/topics/iran"],
    ["/search", "/lite/"],
    ["/saved", "/lite/"],
    ["/no/such/page", "/lite/"],
    ["/stories/../api", "/lite/"],
  ])("the lite version of %s is %s", (full, lite) => {
    expect(liteVersionOf(full)).toBe(lite);
  });

  it("names Breaking News' lite page as the lite front, and a feed's older pages by archive page", () => {
    expect(litePath.feed("breaking-news")).toBe("/lite/");
    expect(litePath.feed("iran")).toBe("/lite/topics/iran");
    expect(litePath.archive("iran", 3)).toBe("/lite/archive/iran/3");
  });
});
