import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
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

const SCRIPT = "console.log('the app');\n".repeat(50);
const PRECOMPRESSED_TEXT = "the build's quality-11 sibling";

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
    await mkdir(path.join(root, "assets"));
    await writeFile(path.join(root, "assets", "app-Dx81kQ.js"), SCRIPT);
    // The build's sibling holds other text here, to tell it from compressing on the fly.
    await writeFile(
      path.join(root, "assets", "app-Dx81kQ.js.br"),
      brotliCompressSync(PRECOMPRESSED_TEXT),
    );
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

  it("sends brotli to a browser that takes it (the build's sibling if there is one), else gzip", async () => {
    const fetchAs = (target: string, accept: string) =>
      rawGet(port, target, { "accept-encoding": accept });
    const script = await fetchAs("/assets/app-Dx81kQ.js", "gzip, deflate, br");
    expect(script.headers["content-encoding"]).toBe("br");
    expect(script.headers.vary).toBe("accept-encoding");
    expect(brotliDecompressSync(script.body).toString()).toBe(PRECOMPRESSED_TEXT);

    const page = await fetchAs("/topics/iran", "br");
    expect(page.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(page.body).toString()).toBe("iran");

    const gzipped = await fetchAs("/assets/app-Dx81kQ.js", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);

    const plain = await fetchAs("/assets/app-Dx81kQ.js", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });
});
