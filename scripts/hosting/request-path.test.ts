import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestPath } from "./request-path.ts";

/** Request targets built from the pieces path tricks are made of, escaped and not. */
const target = fc
  .array(
    fc.constantFrom(
      "/",
      ".",
      "..",
      "%2F",
      "%2f",
      "%2E",
      "%5C",
      "\\",
      "%00",
      "%",
      "a",
      "é",
      "%C3%A9",
      "?",
      "#",
      "_",
      "lite",
    ),
    { maxLength: 12 },
  )
  .map((parts) => `/${parts.join("")}`);

describe("requestPath", () => {
  it("decodes, then normalises", () => {
    expect(requestPath("/assets/..%2fsw.js")).toEqual({
      kind: "path",
      path: "/sw.js",
      segments: ["sw.js"],
    });
    expect(requestPath("//topics/./iran")).toMatchObject({ kind: "path", path: "/topics/iran" });
  });

  it("redirects a trailing slash, escaped or not, to the path without it", () => {
    expect(requestPath("/topics/iran%2F")).toEqual({ kind: "redirect", location: "/topics/iran" });
    expect(requestPath("/topics/iran/?page=2")).toEqual({
      kind: "redirect",
      location: "/topics/iran?page=2",
    });
    expect(requestPath("/topics/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86/")).toEqual({
      kind: "redirect",
      location: "/topics/%D8%A7%DB%8C%D8%B1%D8%A7%D9%86",
    });
  });

  it("serves the lite front at its folder's address, and redirects the bare one to it", () => {
    for (const slashed of ["/lite/", "/lite/.", "//lite//", "/lite%2F"])
      expect(requestPath(slashed), slashed).toEqual({
        kind: "path",
        path: "/lite/",
        segments: ["lite", "index.html"],
      });
    expect(requestPath("/lite?q=x")).toEqual({ kind: "redirect", location: "/lite/?q=x" });
    expect(requestPath("/lite/stories/x/")).toEqual({
      kind: "redirect",
      location: "/lite/stories/x",
    });
  });

  it("refuses backslashes, NUL, bad escapes and paths above the root", () => {
    for (const refused of ["/%5Cevil.example/", "/a\\b", "/a%00", "/%E0%A4%A", "/a/../../b"])
      expect(requestPath(refused), refused).toEqual({ kind: "refused" });
  });

  it("never redirects to a path that redirects again, and never leaves the site", () => {
    fc.assert(
      fc.property(target, (raw) => {
        const result = requestPath(raw);
        if (result.kind === "redirect") {
          expect(result.location).toMatch(/^\/(?![/\\])/);
          expect(requestPath(result.location).kind).toBe("path");
        }
        if (result.kind === "path") {
          expect(result.path).not.toMatch(/\\|\0|\/\.{0,2}\/|\/\.{1,2}$/);
          // A folder page (the lite front, "/lite/") is its folder's index.html.
          expect(result.segments.join("/")).toBe(
            /.\/$/.test(result.path) ? `${result.path.slice(1)}index.html` : result.path.slice(1),
          );
        }
      }),
      { numRuns: 5000 },
    );
  });
});
