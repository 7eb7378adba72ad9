/**
 * One problem in the newsroom's content, pinned to the file and the JSON path an editor has to
 * open, so every stage (check, build, dev server) reports it the same way.
 */
export type ContentError = { file: string; path: string; message: string };

/**
 * One problem, one line. Messages quote what the editor typed, and file names come from the
 * disk: a line break, a terminal escape or another control character in either is shown
 * escaped (`\n`, `\u001b`), never printed raw, so it can neither split the line nor restyle
 * the terminal.
 */
export function formatContentError(e: ContentError): string {
  return `${e.file}: ${e.path}: ${e.message}`.replace(UNPRINTABLE, escapeChar);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(char: string): string {
  return NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** `["body", 2, "type"]` -> `$.body[2].type`, the notation editors see in every message. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "$";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment))
      out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
