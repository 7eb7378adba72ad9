import { describe, expect, it } from "vitest";
import {
  A_DAY,
  CACHE_RULES,
  cacheControlFor,
  DEFAULT_CACHE_CONTROL,
  headersFile,
  IMMUTABLE,
  securityHeaders,
} from "./headers.ts";

const HASHES = { scripts: ["'sha256-YQ=='"], styles: ["'sha256-Yg=='"] };

/** `_headers` read back as path -> [name, value][] (one block per path, as hosts read it). */
function parse(text: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  let current: [string, string][] = [];
  for (const line of text.split("\n").filter((candidate) => candidate.trim())) {
    if (/^\S/.test(line)) {
      current = [];
      rules.set(line, current);
    } else {
      const colon = line.indexOf(":");
      current.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

describe("the headers table", () => {
  const rules = parse(headersFile(HASHES));

  it("has browsers ask for the service worker on every update check, on every host", () => {
    expect(rules.get("/sw.js")).toEqual([["Cache-Control", "no-cache"]]);
    expect(cacheControlFor("/sw.js")).toBe("no-cache");
  });

  it("puts every security header on every path, and no Cache-Control on /*", () => {
    expect(rules.get("/*")).toEqual(securityHeaders(HASHES));
    expect(securityHeaders(HASHES).map(([name]) => name)).toEqual([
      "Content-Security-Policy",
      "X-Content-Type-Options",
      "Referrer-Policy",
      "X-Frame-Options",
    ]);
    expect(securityHeaders(HASHES)[0]?.[1]).toContain(
      "script-src 'self' 'wasm-unsafe-eval' 'sha256-YQ=='",
    );
  });

  it("names every path under a build's base path, the security headers' rule too", () => {
    const mirrored = parse(headersFile(HASHES, "/mirror/news/"));
    expect([...mirrored.keys()]).toEqual([
      "/mirror/news/*",
      ...CACHE_RULES.map((rule) => `/mirror/news/${rule.path.slice(1)}`),
    ]);
    expect(mirrored.get("/mirror/news/*")).toEqual(securityHeaders(HASHES));
  });

  it("writes one block per cache rule, with only its Cache-Control", () => {
    expect([...rules.keys()]).toEqual(["/*", ...CACHE_RULES.map((rule) => rule.path)]);
    for (const rule of CACHE_RULES)
      expect(rules.get(rule.path)).toEqual([["Cache-Control", rule.cacheControl]]);
  });

  it("keeps hashed files forever, archive pages and photos a day, and revalidates pages, the API and unknown paths", () => {
    expect(cacheControlFor("/assets/index-Dx81kQ.js")).toBe(IMMUTABLE);
    expect(cacheControlFor("/api/feeds/iran/1.json")).toBe(DEFAULT_CACHE_CONTROL);
    expect(cacheControlFor("/images/harbour-320.avif")).toMatch(/max-age=86400/);
    // Rewritten by a correction: a day, never forever.
    expect(cacheControlFor("/archive/iran/3.json")).toBe(A_DAY);
    for (const page of ["/", "/topics/iran", "/stories/x", "/assets"])
      expect(cacheControlFor(page)).toBe(DEFAULT_CACHE_CONTROL);
  });
});

/**
 * The Content Security Policy as the build writes it into `_headers`. The string needs no
 * browser; e2e/csp.spec.ts checks that the server sends it and that no page breaks it.
 */

const CSP_HASHES = {
  scripts: ["'sha256-c2NyaXB0LW9uZQ=='", "'sha256-c2NyaXB0LXR3bw=='"],
  styles: ["'sha256-c3R5bGU='"],
};

function policyFor(path: string, file: string): string {
  const block = file.split(/\n\s*\n/).find((rules) => rules.startsWith(`${path}\n`)) ?? "";
  return block.match(/^\s*Content-Security-Policy: (.+)$/m)?.[1] ?? "";
}

describe("the Content Security Policy in _headers", () => {
  const policy = policyFor("/*", headersFile(CSP_HASHES));
  const directives = new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("is strict: scripts only from the site or by the build's hashes, no plugins, no framing", () => {
    expect(directives.get("default-src")).toEqual(["'self'"]);
    // WebAssembly compilation (the search's Pagefind), but no JavaScript eval.
    expect(directives.get("script-src")).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      ...CSP_HASHES.scripts,
    ]);
    expect(directives.get("style-src")).toEqual(["'self'", ...CSP_HASHES.styles]);
    expect(policy).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|strict-dynamic|\*/);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("applies to every path", () => {
    expect(headersFile(CSP_HASHES)).toMatch(/^\/\*\n\s+Content-Security-Policy: /);
  });
});
