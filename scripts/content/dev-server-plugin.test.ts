import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listen } from "../shared/listen.ts";
import { createContentApi } from "./dev-server-plugin.ts";
import { buildApi } from "./emit.ts";
import { loadContent } from "./load-content.ts";
import { createFixture, type Fixture } from "./test-fixture.ts";

describe("content API dev server", () => {
  let fixture: Fixture;
  let base: string;
  let close: () => Promise<void>;
  let api: ReturnType<typeof createContentApi>;
  const logged: string[] = [];

  beforeEach(async () => {
    fixture = await createFixture();
    logged.length = 0;
    const logger = { warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    api = createContentApi(fixture.dir, logger);
    const server = createServer((req, res) =>
      api.handle(req, res, () => {
        res.statusCode = 418;
        res.end("fallthrough");
      }),
    );
    ({ origin: base, close } = await listen(server, 0, "127.0.0.1"));
  });
  afterEach(async () => {
    await close();
    await fixture.cleanup();
  });

  it("serves the built API as JSON", async () => {
    const result = await loadContent(fixture.dir);
    const expected = result.ok ? buildApi(result.content) : new Map();
    for (const key of ["api/topics.json", "api/stories/first-story.json"]) {
      const response = await fetch(`${base}/${key}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await response.text()).toBe(expected.get(key));
    }
    expect((await fetch(`${base}/api/stories/nope.json`)).status).toBe(404);
  });

  it("serves data-folder images with their content type and passes other paths on", async () => {
    const image = await fetch(`${base}/images/lead.jpg`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.equals(await readFile(fixture.at("images/lead.jpg")))).toBe(true);
    expect((await fetch(`${base}/images/inline.png`)).headers.get("content-type")).toBe(
      "image/png",
    );
    for (const other of ["/", "/images/missing.jpg", "/topics.json", "/images/%2e%2e/x.jpg"])
      expect((await fetch(`${base}${other}`)).status).toBe(418);
  });

  it("answers 500 with the error lines when content is invalid, and reloads on change", async () => {
    expect((await fetch(`${base}/api/topics.json`)).status).toBe(200);
    await fixture.editJson("stories/first-story.json", (story) => delete story.headline);
    api.invalidate();
    const response = await fetch(`${base}/api/topics.json`);
    const line = `${fixture.at("stories/first-story.json")}: $.headline: required field is missing (expected string)`;
    expect(response.status).toBe(500);
    expect(await response.text()).toBe(`${line}\n`);
    expect(logged).toEqual([line]);
  });
});
