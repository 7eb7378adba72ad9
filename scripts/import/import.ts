/**
 * `DATA_DIR=<folder> npm run import -- <feed file or folder>... --topic <slug>`: RSS 2.0,
 * Atom 1.0 and JSON Feed 1.x items into story files (import-feeds.ts). Problems go to stderr,
 * one per line; the summary to stdout; exit 1 if anything was skipped.
 */
import { parseArgs } from "node:util";
import { importFeeds } from "./import-feeds.ts";

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { topic: { type: "string", multiple: true } },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : String(error)}\nusage: npm run import -- <feed file or folder>... --topic <slug>`,
  );
  process.exit(1);
}

const report = await importFeeds({
  dataDir: process.env.DATA_DIR ?? "data",
  inputs: args.positionals,
  topics: args.values.topic ?? [],
});
for (const line of report.problems) console.error(line);
console.log(report.summary);
process.exitCode = report.exitCode;
