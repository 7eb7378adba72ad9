import { describe, expect, it } from "vitest";
import { formatContentError } from "./content-error.ts";

describe("formatContentError", () => {
  it("writes <file>: <json path>: <message>", () => {
    expect(
      formatContentError({ file: "data/stories/a.json", path: "$.headline", message: "too long" }),
    ).toBe("data/stories/a.json: $.headline: too long");
  });

  it.each([
    ["a line break", 'unknown topic "a\nb"', 'unknown topic "a\\nb"'],
    ["a carriage return", "x\r\ny", "x\\r\\ny"],
    ["a tab", "x\ty", "x\\ty"],
    ["a terminal escape", "\u001b[31mred", "\\u001b[31mred"],
    ["a line separator", "x\u2028y\u2029z", "x\\u2028y\\u2029z"],
    ["a C1 next-line", "x\u0085y", "x\\u0085y"],
  ])("keeps one problem on one line when the content has %s", (_name, message, shown) => {
    const line = formatContentError({ file: "data/stories/a.json", path: "$.topics[0]", message });
    expect(line).toBe(`data/stories/a.json: $.topics[0]: ${shown}`);
    expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it("escapes a line break in a file name too", () => {
    expect(formatContentError({ file: "data/stories/a\nb.json", path: "$", message: "bad" })).toBe(
      "data/stories/a\\nb.json: $: bad",
    );
  });
});
