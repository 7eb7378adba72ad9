/**
 * One run of `npm run bench:content` (content-bench-emit.ts starts it as a fresh process, so its
 * peak memory is its own): `tsx content-bench-emit-child.ts <data folder> <output folder>` loads
 * the content, writes the API, and prints its EmitMeasurement as one line of JSON.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { formatContentError } from "../content/content-error.ts";
import { writeApiFiles } from "../content/emit.ts";
import { loadContent } from "../content/load-content.ts";
import { EMIT_FEED_FILE, type EmitMeasurement } from "./content-bench-emit.ts";

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

const [dataDir, outDir] = process.argv.slice(2);
if (!dataDir || !outDir) {
  console.error("usage: content-bench-emit-child.ts <data folder> <output folder>");
  process.exit(1);
}
const start = performance.now();
const result = await loadContent(dataDir);
const loaded = performance.now();
if (!result.ok) {
  for (const error of result.errors.slice(0, 20)) console.error(formatContentError(error));
  process.exit(1);
}
await writeApiFiles(result.content, outDir);
const emitted = performance.now();
const measurement: EmitMeasurement = {
  loadMs: loaded - start,
  emitMs: emitted - loaded,
  maxRssKb: process.resourceUsage().maxRSS,
  stories: result.content.cards.length,
  files: await countFiles(outDir),
  feedBytes: (await stat(path.join(outDir, EMIT_FEED_FILE))).size,
};
console.log(JSON.stringify(measurement));
