import { fileURLToPath, URL } from "node:url";
import { build, type HtmlTagDescriptor, type Plugin, type Rolldown } from "vite";
import { OFFLINE_PAGE_PATH, SAVED_PATH } from "../../src/shared/offline-storage.ts";

/**
 * The two inline scripts every page carries, written in TypeScript under src/start-up and
 * compiled here, with Vite's own bundler (Rolldown), into one minified, self-contained
 * expression each:
 * - before paint, first in <head>: applies the stored text size and data saver mode
 *   (src/start-up/before-paint.ts);
 * - start-up, last in <body>: answers early presses and loads the app (src/start-up/start-up.ts).
 * The page template hashes the exact text it finds in index.html for the CSP, so what runs is
 * what the policy allows.
 */

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const ENTRY_ID = "\0dispatch-inline-script";

/**
 * Bundles `source` (a module that imports from src/ with `@/`) into a minified IIFE; `base`:
 * the site's base path, which src/shared/with-base.ts reads.
 */
export async function compileInlineScript(source: string, base = "/"): Promise<string> {
  const output = await build({
    configFile: false,
    base,
    envDir: false,
    logLevel: "warn",
    publicDir: false,
    resolve: { alias: { "@": SRC } },
    plugins: [
      {
        name: "dispatch:inline-script-entry",
        resolveId: (id) => (id === ENTRY_ID ? id : null),
        load: (id) => (id === ENTRY_ID ? source : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      rolldownOptions: { input: ENTRY_ID, output: { format: "iife" } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) =>
    "output" in result ? result.output : [],
  );
  const [chunk, ...rest] = chunks;
  if (chunk?.type !== "chunk" || rest.length > 0) {
    throw new Error("compiling an inline script must produce exactly one chunk");
  }
  // A script element's text ends at the first "</script": none may be in the code.
  if (/<\/script/i.test(chunk.code)) throw new Error("inline script contains </script");
  return chunk.code.trim();
}

export function compileBeforePaintScript(): Promise<string> {
  return compileInlineScript(
    `import { applyDataSaverWhileParsing, applyStoredTextSize } from "@/start-up/before-paint"; applyStoredTextSize(); applyDataSaverWhileParsing();`,
  );
}

/**
 * Which page code each kind of address needs: the modules src/app/routes.tsx loads lazily,
 * matched as `routeImportsFor` in src/start-up/start-up.ts does (a path ending in "/" matches
 * the addresses under it; the first match wins, so "/" last catches the front page and 404s).
 */
export const ROUTE_CODE: [path: string, module: string][] = [
  ["/stories/", "src/features/story/story-page.tsx"],
  ["/topics/", "src/features/feed/feed-routes.tsx"],
  ["/search", "src/features/search/search-page.tsx"],
  [SAVED_PATH, "src/features/offline/offline-routes.tsx"],
  [OFFLINE_PAGE_PATH, "src/features/offline/offline-routes.tsx"],
  ["/", "src/features/feed/feed-routes.tsx"],
];

/**
 * For each ROUTE_CODE path, the chunk files of its module and of everything that module
 * imports, except what the entry already brings.
 */
export function routeImports(
  bundle: Rolldown.OutputBundle,
  entry: Rolldown.OutputChunk,
  base: string,
): [string, string[]][] {
  const chunks = Object.values(bundle).filter((file) => file.type === "chunk");
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const withImports = (fileName: string, seen: Set<string>) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) withImports(imported, seen);
  };
  const initial = new Set<string>();
  withImports(entry.fileName, initial);
  return ROUTE_CODE.map(([path, module]) => {
    const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(`/${module}`));
    if (!chunk) throw new Error(`start-up script: no chunk in the build for ${module} (${path})`);
    const files = new Set<string>();
    withImports(chunk.fileName, files);
    return [path, [...files].filter((file) => !initial.has(file)).map((file) => base + file)];
  });
}

export function compileStartUpScript(
  entry: string,
  imports: string[] = [],
  routes: [string, string[]][] = [],
  base = "/",
): Promise<string> {
  const options = JSON.stringify({ entry, imports, routeImports: routes });
  return compileInlineScript(
    `import { startUp } from "@/start-up/start-up"; startUp(${options});`,
    base,
  );
}

/**
 * Puts the before-paint script first in <head> (in development too, where the app needs it to
 * read the stored size) and, in a build, the start-up script with the hashed entry file at the
 * end of <body>. The page template removes the entry's <script src>: only the start-up script
 * loads the app.
 */
export function inlineStartUpScripts(): Plugin {
  let base = "/";
  let beforePaint: Promise<string> | undefined;
  return {
    name: "dispatch:inline-start-up-scripts",
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler: async (_html, context) => {
        beforePaint ??= compileBeforePaintScript();
        const tags: HtmlTagDescriptor[] = [
          { tag: "script", children: await beforePaint, injectTo: "head-prepend" },
        ];
        const chunk = context.chunk;
        if (chunk?.isEntry) {
          const script = await compileStartUpScript(
            `${base}${chunk.fileName}`,
            chunk.imports.map((file) => `${base}${file}`),
            context.bundle ? routeImports(context.bundle, chunk, base) : [],
            base,
          );
          tags.push({ tag: "script", children: script, injectTo: "body" });
        }
        return tags;
      },
    },
  };
}
