import { readFileSync } from "node:fs";

/**
 * The installed Pagefind's version (its package exports no package.json: lib/ is beside it).
 * It names Pagefind's WebAssembly (`/pagefind/wasm/<version>.pagefind`), whose bytes come with
 * the version: the search index writes it there and vite.config.ts defines it into the app,
 * which preloads it by that address before anything of the index has come.
 */
export function pagefindVersion(): string {
  const manifest = new URL("../package.json", import.meta.resolve("pagefind"));
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
