import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { Plugin } from "vite";
import { imageSrcProblem } from "../../src/content/schema.ts";
import { stripBasePath } from "../../src/shared/base-path.ts";
import { CONTENT_TYPES } from "../shared/media-types.ts";
import { formatContentError } from "./content-error.ts";
import { buildApi } from "./emit.ts";
import { loadContent } from "./load-content.ts";

/**
 * In `vite dev`, answers /api/... from the data folder as the build would emit it, and serves
 * the images stories reference, so the client runs against real content without a build.
 */

type Logger = { warn(message: string): void; error(message: string): void };

type ApiState = { ok: true; files: Map<string, string> } | { ok: false; lines: string[] };

export type ContentApi = {
  handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  /** Drops the cached API so the next request reloads the data folder. */
  invalidate(): void;
};

/** `base`: the base path the dev server serves the app under (Vite's `base`, BASE_PATH). */
export function createContentApi(dataDir: string, logger: Logger, base = "/"): ContentApi {
  let state: Promise<ApiState> | undefined;

  async function load(): Promise<ApiState> {
    const result = await loadContent(dataDir);
    for (const warning of result.warnings) logger.warn(`warning: ${formatContentError(warning)}`);
    if (!result.ok) {
      const lines = result.errors.map(formatContentError);
      logger.error(lines.join("\n"));
      return { ok: false, lines };
    }
    try {
      return { ok: true, files: buildApi(result.content) };
    } catch (error) {
      // A story edited between the check and its API file: the watcher reloads it anyway.
      const lines = [error instanceof Error ? error.message : String(error)];
      logger.error(lines.join("\n"));
      return { ok: false, lines };
    }
  }

  async function serveApi(key: string, res: ServerResponse): Promise<void> {
    state ??= load();
    const current = await state;
    res.setHeader("Cache-Control", "no-store");
    if (!current.ok) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end(`${current.lines.join("\n")}\n`);
      return;
    }
    const json = current.files.get(key);
    res.statusCode = json === undefined ? 404 : 200;
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(json ?? JSON.stringify({ error: `not found: /${key}` }));
  }

  /** Serves a data-folder image; false when the path is not one, so Vite can try. */
  async function serveImage(src: string, res: ServerResponse): Promise<boolean> {
    // The same rule as a photo src: relative, no "..", an image extension; nothing else leaks.
    const type = CONTENT_TYPES[path.extname(src).toLowerCase()];
    if (imageSrcProblem(src) || !type?.startsWith("image/")) return false;
    const file = path.join(dataDir, src);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
    res.statusCode = 200;
    res.setHeader("Content-Type", type);
    res.setHeader("Content-Length", info.size);
    res.setHeader("Cache-Control", "no-cache");
    createReadStream(file).pipe(res);
    return true;
  }

  return {
    handle(req, res, next) {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      } catch {
        return next();
      }
      // The app asks under the base path; the middleware sees the whole path.
      const sitePath = stripBasePath(base, pathname);
      if (sitePath === undefined) return next();
      const key = sitePath.slice(1);
      const served = /^(api|archive)\//.test(key)
        ? serveApi(key, res).then(() => true)
        : serveImage(key, res);
      served.then((done) => done || next(), next);
    },
    invalidate() {
      state = undefined;
    },
  };
}

export function contentApiDevServer(): Plugin {
  return {
    name: "dispatch-content-api",
    apply: "serve",
    configureServer(server) {
      const dataDir = process.env.DATA_DIR ?? "data";
      const root = path.resolve(dataDir);
      const api = createContentApi(dataDir, server.config.logger, server.config.base);
      server.middlewares.use(api.handle);
      server.watcher.add(root);
      server.watcher.on("all", (_event, file) => {
        if (path.resolve(file).startsWith(root + path.sep)) {
          api.invalidate();
          server.ws.send({ type: "full-reload" });
        }
      });
    },
  };
}
