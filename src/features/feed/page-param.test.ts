import { describe, expect, it } from "vitest";
import { clampPageCount, parsePageParam } from "@/features/feed/page-param";

describe("parsePageParam", () => {
  it.each([
    [null, 1],
    ["", 1],
    ["1", 1],
    ["3", 3],
    [" 4 ", 4],
    ["abc", 1],
    ["0", 1],
    ["-1", 1],
    ["2.5", 1],
    ["1e9", 1],
    ["99999", 1000],
    ["3abc", 1],
  ])("reads ?page=%j as %i pages", (raw, expected) => {
    expect(parsePageParam(raw)).toBe(expected);
  });
});

describe("clampPageCount", () => {
  it.each([
    [3, 6, 3],
    [99, 6, 6],
    [0, 6, 1],
    [2, 0, 1],
  ])("asks for %i of %i pages, shows %i", (requested, pageCount, expected) => {
    expect(clampPageCount(requested, pageCount)).toBe(expected);
  });
});
