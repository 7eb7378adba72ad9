import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ESCAPED_SEPARATOR_TARGETS,
  onThisSite,
  rawGet,
  TRAILING_SLASH_REDIRECTS,
} from "./hosting/raw-request.ts";
import { createStaticServer, listen } from "./static-server.ts";

function get(port: number, target: string): Promise<{ status: number; location?: string }> {
  return rawGet(port, target).then(({ status, headers }) => ({
    status,
    location: headers.location,
  }));
}

describe("the static server", () => {
  let root: string;
  let port: number;
  let close: () => Promise<void>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dispatch-static-"));
    await mkdir(path.join(root, "topics"));
    await writeFile(path.join(root, "index.html"), "home");
    await writeFile(path.join(root, "404.html"), "not found");
    await writeFile(path.join(root, "topics", "iran.html"), "iran");
    const listening = await listen(await createStaticServer(root));
    port = Number(new URL(listening.origin).port);
    close = listening.close;
  });
  afterAll(async () => {
    await close();
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    ...TRAILING_SLASH_REDIRECTS,
    // nginx answers a path above the root with the not-found page; npm start reads it from the root.
    ["/..//evil.example/", "/evil.example"],
  ])("redirects %j to %j on the same site", async (target, expected) => {
    const { status, location } = await get(port, target);
    expect(status).toBe(301);
    expect(location).toBe(expected);
    expect(onThisSite(location)).toBe(true);
  });

  it.each(ESCAPED_SEPARATOR_TARGETS)("redirects %j on the same site", async (target) => {
    const { status, location } = await get(port, target);
    expect(status).toBe(301);
    expect(onThisSite(location), location).toBe(true);
  });

  it("reads a leading double slash as part of the path, not as a host", async () => {
    expect((await get(port, "//evil.example/topics/iran")).status).toBe(404);
    expect((await get(port, "/topics/iran")).status).toBe(200);
  });
});
