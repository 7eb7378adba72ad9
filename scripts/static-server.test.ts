import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticServer, listen } from "./static-server.ts";

/** Raw requests: the path goes out exactly as written, as any client (not a browser) may send it. */
function get(port: number, target: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    request({ host: "localhost", port, path: target }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    })
      .on("error", reject)
      .end();
  });
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
    ["/topics/iran/", "/topics/iran"],
    ["/topics/iran/?page=2", "/topics/iran?page=2"],
    ["//topics/iran/", "/topics/iran"],
    ["//evil.example/", "/evil.example"],
    ["/.//evil.example/", "/evil.example"],
    ["/..//evil.example/", "/evil.example"],
    ["///evil.example/x/", "/evil.example/x"],
  ])("redirects %j to %j on the same site", async (target, expected) => {
    const { status, location } = await get(port, target);
    expect(status).toBe(301);
    expect(location).toBe(expected);
    expect(new URL(location ?? "", "http://localhost:1").origin).toBe("http://localhost:1");
  });

  it("reads a leading double slash as part of the path, not as a host", async () => {
    expect((await get(port, "//evil.example/topics/iran")).status).toBe(404);
    expect((await get(port, "/topics/iran")).status).toBe(200);
  });
});
