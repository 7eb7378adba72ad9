// npm run bench:content: times the content stages, or whole builds (--full), on synthetic archives
/**
 * `npm run bench:content`: the content stages on synthetic archives (synthetic-archive.ts), in
 * one of three modes:
 * - `-- --stories N [--runs R]` (default 1000 stories, 3 runs): loadContent + writeApiFiles
 *   alone, each run in a fresh process (content-bench-emit.ts);
 * - `-- --full [--stories 1000,20000,100000] [--root DIR]`: whole builds of each size from DIR
 *   (default this checkout), then a publish, a breaking publish and an edit into each
 *   (content-bench-full.ts);
 * - `-- --generate DIR [--stories N]`: only writes the archive, e.g. to time
 *   `DATA_DIR=DIR npm run build` by hand.
 */
import path from "node:path";
import { badArgument, benchArgs, wholeNumber, wholeNumbers } from "../bench/bench-args.ts";
import { emitBench } from "../bench/content-bench-emit.ts";
import { FULL_MIN_STORIES, fullBuildBench } from "../bench/content-bench-full.ts";
import { generateCorpus } from "../bench/synthetic-archive.ts";

const COMMAND = "bench:content";
const args = benchArgs(COMMAND, {
  stories: { type: "string" },
  runs: { type: "string" },
  full: { type: "boolean" },
  root: { type: "string" },
  generate: { type: "string" },
});
if (args.full && args.generate !== undefined)
  badArgument(COMMAND, "--full and --generate are two modes: give one");
if (!args.full && args.root !== undefined) badArgument(COMMAND, "--root goes with --full");
if (args.full && args.runs !== undefined) badArgument(COMMAND, "--runs does not go with --full");

if (args.full) {
  const root = path.resolve(args.root ?? process.cwd());
  const sizes = wholeNumbers(
    COMMAND,
    "stories",
    args.stories,
    [1000, 20000, 100000],
    FULL_MIN_STORIES,
  );
  await fullBuildBench(root, sizes);
} else if (args.generate !== undefined) {
  await generateCorpus(
    path.resolve(args.generate),
    wholeNumber(COMMAND, "stories", args.stories, 1000),
  );
} else {
  await emitBench(
    wholeNumber(COMMAND, "stories", args.stories, 1000),
    wholeNumber(COMMAND, "runs", args.runs, 3),
  );
}
