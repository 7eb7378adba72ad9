import { chmod, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * The build's output is uploaded or served as it is, so it holds only the site: readable by
 * the web server's user, and without the build's own files.
 */

/** Where the build keeps the Vite manifest of `dist` (the JavaScript sizes read it): beside it. */
export const viteManifestPath = (dist: string) => `${path.resolve(dist)}.vite-manifest.json`;

/**
 * Readies the staging folder that is about to become `outDir`: mkdtemp made it 0700, which
 * nginx's workers (www-data) cannot enter; a site is public, so 0755 whatever the umask. The
 * Vite manifest moves out of the site to viteManifestPath(outDir).
 */
export async function readyForHosting(staging: string, outDir: string): Promise<void> {
  await chmod(staging, 0o755);
  await rename(path.join(staging, ".vite", "manifest.json"), viteManifestPath(outDir));
  await rm(path.join(staging, ".vite"), { recursive: true });
}
