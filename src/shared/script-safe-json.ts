/**
 * JSON for inside a <script> element (the prerendered query state, the JSON-LD block): `<`,
 * `>` and `&` as JSON escapes, so no story text can end the element or open a comment in it,
 * and U+2028/U+2029 escaped like every other line break. JSON.parse reads it back unchanged.
 */
export function escapeJsonForScript(json: string): string {
  return json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export const scriptSafeJson = (value: unknown): string =>
  escapeJsonForScript(JSON.stringify(value));
