/**
 * The process `appBuild` (app-build.ts) runs the Vite builds in: `<root> <cacheDir> <key>`.
 * Its memory goes back to the system when it ends, before the prerendering threads start.
 */
import { buildApp } from "./app-build.ts";

// The build that started this one stopped (its content failed the checks, or it was
// interrupted): a bundle no build waits for would only leave a half-built cache entry.
const stop = () => process.exit(1);
process.on("disconnect", stop);
// It may have stopped while this process was still loading its modules.
if (!process.connected) stop();

const [root, cacheDir, key] = process.argv.slice(2);
if (!root || !cacheDir || !key) {
  console.error("usage: app-build-process.ts <root> <cacheDir> <key>");
  process.exit(2);
}
await buildApp(root, cacheDir, key);
// A listener keeps the channel to the build, and with it this process, alive.
process.off("disconnect", stop);
