/**
 * The process `appBuild` (app-build.ts) runs the Vite builds in: `<root> <cacheDir> <key>`.
 * Its memory goes back to the system when it ends, before the build loads the content.
 */
import { buildApp } from "./app-build.ts";

const [root, cacheDir, key] = process.argv.slice(2);
if (!root || !cacheDir || !key) {
  console.error("usage: app-build-process.ts <root> <cacheDir> <key>");
  process.exit(2);
}
await buildApp(root, cacheDir, key);
