// npm run import: feed files (RSS, Atom, JSON Feed) into story files
/**
 * `DATA_DIR=<folder> npm run import -- <feed file or folder>... --topic <slug> [--overwrite]`:
 * RSS 0.9x to 2.0, RSS 1.0, Atom 0.3 and 1.0 and JSON Feed 1.x items into story files
 * (import-feeds.ts). Problems go to stderr,
 * one per line; the summary to stdout; exit 1 if anything was skipped.
 */
import { parseArgs } from "node:util";
import { importFeeds } from "../import/import-feeds.ts";

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      topic: { type: "string", multiple: true },
      overwrite: { type: "boolean", default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : String(error)}\nusage: npm run import -- <feed file or folder>... --topic <slug> [--overwrite]`,
  );
  process.exit(1);
}

const dataDir = process.env.DATA_DIR ?? "data";
try {
  const report = await importFeeds({
    dataDir,
    inputs: args.positionals,
    topics: args.values.topic ?? [],
    overwrite: args.values.overwrite,
  });
  for (const line of report.problems) console.error(line);
  console.log(report.summary);
  process.exitCode = report.exitCode;
} catch (error) {
  // importFeeds keeps every item, image and file to itself; this is for the unforeseen
  // (a data folder that cannot be written), so that the summary line still prints.
  console.error(`import: stopped: ${error instanceof Error ? error.message : String(error)}`);
  console.log(`import: stopped before the end; see the line above (${dataDir}/)`);
  process.exitCode = 1;
}
