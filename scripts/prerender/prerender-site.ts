import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import type * as EntryServer from "../../src/app/entry-server.tsx";
import type { Content } from "../content/load-content.ts";
import { mapLimit } from "../content/map-limit.ts";
import { createPageTemplate, type PageTemplate } from "./page-template.ts";

/**
 * Stage after emit: builds the server entry with Vite's SSR build, renders every route the
 * content defines into static HTML (`/`, each topic, each story, and 404.html), and returns the
 * CSP hashes of the inline code those pages carry.
 */

const RENDER_CONCURRENCY = 4;

type Route = { url: string | null; file: string };

function routesOf(content: Content): Route[] {
  return [
    { url: "/", file: "index.html" },
    ...content.topics.map((topic) => ({
      url: `/topics/${topic.slug}`,
      file: `topics/${topic.slug}.html`,
    })),
    ...content.stories.map((story) => ({
      url: `/stories/${story.id}`,
      file: `stories/${story.id}.html`,
    })),
    // Rendered through the catch-all route; `url: null` tells the client not to hydrate it,
    // since it is served for every unknown address.
    { url: null, file: "404.html" },
  ];
}

export async function prerenderSite(options: {
  root: string;
  outDir: string;
  content: Content;
  api: ReadonlyMap<string, string>;
}): Promise<{ pages: number; hashes: PageTemplate["hashes"] }> {
  const { root, outDir, content, api } = options;
  // Inside the project, so the server bundle resolves react & co. from node_modules.
  const ssrDir = await mkdtemp(path.join(root, ".dispatch-ssr-"));
  try {
    await build({
      configFile: path.join(root, "vite.config.ts"),
      logLevel: "warn",
      build: {
        ssr: "src/app/entry-server.tsx",
        outDir: ssrDir,
        emptyOutDir: true,
        copyPublicDir: false,
      },
    });
    const entry = (await import(
      pathToFileURL(path.join(ssrDir, "entry-server.js")).href
    )) as typeof EntryServer;
    entry.serveApiFrom(new Map([...api].map(([file, json]) => [`/${file}`, json])));

    const template = createPageTemplate(
      await readFile(path.join(outDir, "index.html"), "utf8"),
      (href) => readFileSync(path.join(outDir, href), "utf8"),
    );
    const routes = routesOf(content);
    await mkdir(path.join(outDir, "topics"), { recursive: true });
    await mkdir(path.join(outDir, "stories"), { recursive: true });
    await mapLimit(routes, RENDER_CONCURRENCY, async ({ url, file }) => {
      const page = await entry.prerender(url ?? "/404");
      if (page.status !== 200) {
        throw new Error(`prerendering ${url ?? "404.html"} failed with status ${page.status}`);
      }
      await writeFile(
        path.join(outDir, file),
        template.render({ url, appHtml: page.html, state: page.state }),
      );
    });
    return { pages: routes.length, hashes: template.hashes };
  } finally {
    await rm(ssrDir, { recursive: true, force: true });
  }
}
