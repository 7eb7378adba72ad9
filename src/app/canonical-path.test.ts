import { describe, expect, it } from "vitest";
import { canonicalPath } from "@/app/canonical-path";

describe("canonicalPath", () => {
  it.each([
    "/",
    "/topics/iran",
    "/stories/harbour-ferry-returns",
    "/no/such/page",
    "/stories/..%2F..%2Fapi%2Ftopics",
  ])("leaves %j alone", (pathname) => {
    expect(canonicalPath(pathname)).toBeUndefined();
  });

  it.each([
    ["/topics/iran/", "/topics/iran"],
    ["/stories/harbour-ferry-returns/", "/stories/harbour-ferry-returns"],
    ["/Topics/Iran", "/topics/iran"],
    ["/TOPICS/IRAN/", "/topics/iran"],
    ["/stories/Harbour-Ferry-RETURNS", "/stories/harbour-ferry-returns"],
    ["/topics//iran", "/topics/iran"],
    ["//", "/"],
    ["/Stories/%e2%80%a8", "/stories/%E2%80%A8"],
  ])("replaces %j with %j", (pathname, expected) => {
    expect(canonicalPath(pathname)).toBe(expected);
  });

  it.each(["//evil.example/", "//evil.example", "///evil.example/path", "//EVIL.example/"])(
    "never turns %j into an address on another site",
    (pathname) => {
      const canonical = canonicalPath(pathname) ?? pathname;
      expect(canonical.startsWith("//")).toBe(false);
      expect(new URL(canonical, "https://dispatch.example").origin).toBe(
        "https://dispatch.example",
      );
    },
  );
});
