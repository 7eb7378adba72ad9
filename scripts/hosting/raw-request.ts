import type { ChildProcess } from "node:child_process";
import { type IncomingHttpHeaders, request } from "node:http";

/**
 * Test support for the two servers of a build (`npm start`, `npm run serve:nginx`): raw
 * requests, the path sent exactly as written, as any client (not a browser) may send it.
 */

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export function rawGet(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(port, "GET", target, headers);
}

export function rawRequest(
  port: number,
  method: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request({ host: "localhost", port, method, path: target, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

/** A path with a trailing slash, and where both servers must send the reader: this site. */
export const TRAILING_SLASH_REDIRECTS: [target: string, location: string][] = [
  ["/topics/iran/", "/topics/iran"],
  ["/topics/iran/?page=2", "/topics/iran?page=2"],
  ["//topics/iran/", "/topics/iran"],
  ["//evil.example/", "/evil.example"],
  ["/.//evil.example/", "/evil.example"],
  ["///evil.example/x/", "/evil.example/x"],
];

/**
 * Separators written as escapes: nginx decodes them, npm start keeps them escaped; either way
 * the redirect stays on this site.
 */
export const ESCAPED_SEPARATOR_TARGETS = [
  "/%5Cevil.example/",
  "/%2F%2Fevil.example/",
  "/%5C%5Cevil.example/",
];

/** A Location that a browser resolves on this site: one slash, then neither "/" nor "\". */
export const onThisSite = (location: string | undefined) =>
  location !== undefined &&
  /^\/(?![/\\])/.test(location) &&
  new URL(location, "http://localhost:1").origin === "http://localhost:1";

/** Resolves once a server started as `server` answers on `port`. */
export async function waitUntilServing(port: number, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (
      await rawGet(port, "/").then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** Where a server says it keeps its files ("config and logs in <dir>)"), from its output. */
export function printedDir(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const dir = output.match(/config and logs in (.+)\)/)?.[1];
      if (dir) resolve(dir);
    });
    server.on("exit", () => reject(new Error(`the server exited: ${output}`)));
  });
}
