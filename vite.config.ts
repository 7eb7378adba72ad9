import { fileURLToPath, URL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { pureComponentInitializers } from "./scripts/bundle/pure-component-initializers.ts";
import { contentApiDevServer } from "./scripts/content/dev-server-plugin.ts";
import { siteUrlFromEnv } from "./scripts/syndication/site-url.ts";
import { APPLY_TEXT_SIZE_SCRIPT } from "./src/features/reading-size/text-size.ts";

/** The reader's text size must be on <html> before the first paint: inline, first in <head>. */
function applyTextSizeBeforePaint(): Plugin {
  return {
    name: "dispatch:apply-text-size-before-paint",
    transformIndexHtml: () => [
      { tag: "script", children: APPLY_TEXT_SIZE_SCRIPT, injectTo: "head-prepend" },
    ],
  };
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    applyTextSizeBeforePaint(),
    contentApiDevServer(),
    pureComponentInitializers(),
  ],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: { port: 5173 },
  // Canonical links and link previews need the site's absolute address (README: SITE_URL).
  define: { "import.meta.env.SITE_URL": JSON.stringify(siteUrlFromEnv(process.env)) },
  // The bench reads the manifest to total the JavaScript each page type loads.
  // modulePreload polyfill: every browser that runs this app supports modulepreload natively.
  build: { manifest: true, modulePreload: { polyfill: false } },
});
