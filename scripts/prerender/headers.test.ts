import { describe, expect, it } from "vitest";
import { headersFile } from "./headers.ts";

/**
 * The Content Security Policy as the build writes it into `_headers`. The string needs no
 * browser; e2e/csp.spec.ts checks that the server sends it and that no page breaks it.
 */

const HASHES = {
  scripts: ["'sha256-c2NyaXB0LW9uZQ=='", "'sha256-c2NyaXB0LXR3bw=='"],
  styles: ["'sha256-c3R5bGU='"],
};

function policyFor(path: string, file: string): string {
  const block = file.split(/\n\s*\n/).find((rules) => rules.startsWith(`${path}\n`)) ?? "";
  return block.match(/^\s*Content-Security-Policy: (.+)$/m)?.[1] ?? "";
}

describe("the Content Security Policy in _headers", () => {
  const policy = policyFor("/*", headersFile(HASHES));
  const directives = new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("is strict: scripts only from the site or by the build's hashes, no plugins, no framing", () => {
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", ...HASHES.scripts]);
    expect(directives.get("style-src")).toEqual(["'self'", ...HASHES.styles]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic|\*/);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("applies to every path", () => {
    expect(headersFile(HASHES)).toMatch(/^\/\*\n\s+Content-Security-Policy: /);
  });
});
