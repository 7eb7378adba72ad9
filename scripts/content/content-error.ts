/**
 * One problem in the newsroom's content, pinned to the file and the JSON path an editor has to
 * open, so every stage (check, build, dev server) reports it the same way.
 */
export type ContentError = { file: string; path: string; message: string };

export function formatContentError(e: ContentError): string {
  return `${e.file}: ${e.path}: ${e.message}`;
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
