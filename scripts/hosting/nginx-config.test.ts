import { describe, expect, it } from "vitest";
import { CACHE_RULES, securityHeaders } from "../shared/headers.ts";
import { nginxSiteConfig } from "./nginx-config.ts";

const HASHES = { scripts: ["'sha256-YQ=='"], styles: ["'sha256-Yg=='"] };

describe("nginx's configuration from the headers table", () => {
  it("has nginx ask browsers to revalidate the service worker, as every host does", () => {
    expect(nginxSiteConfig(HASHES)).toContain("# /sw.js\n");
  });

  it("puts every location under a build's base path, the lite front page's too", () => {
    const config = nginxSiteConfig(HASHES, "/mirror/news/");
    expect(config).toContain('location ~ "^/mirror/news/sw\\.js$"');
    expect(config).toContain(
      "location = /mirror/news/lite {\n  return 301 /mirror/news/lite/$is_args$args;",
    );
    expect(config).toContain("try_files /mirror/news/lite/index.html =404;");
    expect(nginxSiteConfig(HASHES)).toContain("try_files /lite/index.html =404;");
  });

  it("gives nginx one location per rule, the last rule first (the last match wins)", () => {
    const config = nginxSiteConfig(HASHES);
    const order = CACHE_RULES.map((rule) => config.indexOf(`# ${rule.path}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    for (const [name, value] of securityHeaders(HASHES))
      expect(config).toContain(`add_header ${name} "${value}" always;`);
    // One add_header block for the whole server: a location with its own would drop them.
    expect(config.match(/^add_header /gm)).toHaveLength(securityHeaders(HASHES).length + 1);
  });

  it("refuses a value that would end nginx's quoted string", () => {
    expect(() => nginxSiteConfig({ scripts: ['"; return 200 "x'], styles: [] })).toThrow(
      /cannot quote/,
    );
  });
});
