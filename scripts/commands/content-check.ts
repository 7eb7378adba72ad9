// npm run content:check: checks data/ (or $DATA_DIR): one line per error, else a summary
import { formatContentError } from "../content/content-error.ts";
import { loadContent } from "../content/load-content.ts";

/**
 * `npm run content:check`: one line per problem on stderr and exit 1, or a one-line summary on
 * stdout and exit 0. Editors read this output, so it never shows a stack trace.
 */

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

const dataDir = process.env.DATA_DIR ?? "data";

try {
  // Every image decoded whole: one cut short passes a header check and fails only the build.
  const result = await loadContent(dataDir, undefined, { decodeImages: true });
  for (const warning of result.warnings) console.error(`warning: ${formatContentError(warning)}`);
  if (result.ok) {
    const { cards, topics } = result.content;
    const images = result.content.photos.size;
    console.log(
      `content ok: ${count(cards.length, "story", "stories")}, ${count(topics.length, "topic", "topics")}, ${count(images, "image", "images")} in ${dataDir}`,
    );
  } else {
    for (const error of result.errors) console.error(formatContentError(error));
    process.exitCode = 1;
  }
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    formatContentError({
      file: dataDir,
      path: "$",
      message: `the content check stopped unexpectedly (${reason})`,
    }),
  );
  process.exitCode = 1;
}
