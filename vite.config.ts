import { fileURLToPath, URL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { pureComponentInitializers } from "./scripts/bundle/pure-component-initializers.ts";
import { inlineStartUpScripts } from "./scripts/bundle/start-up-scripts.ts";
import { contentApiDevServer } from "./scripts/content/dev-server-plugin.ts";
import { pagefindVersion } from "./scripts/search/pagefind-version.ts";
import { basePathFromEnv } from "./scripts/shared/base-path.ts";
import { siteUrlFromEnv } from "./scripts/syndication/site-url.ts";

/**
 * React Router's package sends every bundler and Node to its development build
 * (remix-run/react-router#14102), whose checks and warnings then run in readers' browsers and in
 * the prerendering threads. A build takes its production build instead: the same code with
 * them off. The dev server keeps the warnings.
 */
const reactRouterProduction = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/production/${file}`, import.meta.url));

export default defineConfig(({ command }) => ({
  // BASE_PATH: the folder the site is served under (docs/hosting.md, Mirrors); the app reads it
  // as import.meta.env.BASE_URL through src/shared/with-base.ts.
  base: basePathFromEnv(process.env),
  plugins: [
    react(),
    tailwindcss(),
    inlineStartUpScripts(),
    contentApiDevServer(),
    pureComponentInitializers(),
  ],
  resolve: {
    alias: [
      { find: "@", replacement: fileURLToPath(new URL("./src", import.meta.url)) },
      ...(command === "build"
        ? [
            { find: /^react-router$/, replacement: reactRouterProduction("index.mjs") },
            { find: /^react-router\/dom$/, replacement: reactRouterProduction("dom-export.mjs") },
          ]
        : []),
    ],
  },
  server: { port: 5173 },
  // Canonical links and link previews need the site's absolute address (docs/syndication.md:
  // SITE_URL, with the base path).
  define: {
    "import.meta.env.SITE_URL": JSON.stringify(siteUrlFromEnv(process.env)),
    // The search preloads Pagefind's WebAssembly by its address (src/features/search/pagefind.ts).
    "import.meta.env.PAGEFIND_VERSION": JSON.stringify(pagefindVersion()),
  },
  // The bench reads the manifest to total the JavaScript each page type loads.
  // modulePreload polyfill: every browser that runs this app supports modulepreload natively.
  build: {
    manifest: true,
    modulePreload: { polyfill: false },
    // Every module the entry needs in one chunk beside it. Left to itself, the bundler groups
    // modules by which lazy page chunks share them, and each new lazy chunk cut the initial
    // code into more files, each compressed on its own (1.3 KB more gzip for the offline
    // feature's two chunks).
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "app", tags: ["$initial"], minShareCount: 2 }] },
      },
    },
  },
}));
