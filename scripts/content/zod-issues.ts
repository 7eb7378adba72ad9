import { z } from "zod";
import { type ContentError, jsonPath } from "./content-error.ts";

/**
 * Turns zod issues into messages a newsroom editor can act on: what is wrong at that path and
 * what is expected. The schema's own messages are kept where it wrote them for editors
 * (lengths, formats, patterns); zod's generic ones are rewritten here.
 */

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment))
      return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value };
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The fields the schema allows at `path`, to suggest the intended one for an unknown field. */
function allowedFields(
  schema: z.ZodType,
  path: readonly PropertyKey[],
  root: unknown,
): string[] | undefined {
  let node: z.ZodType | undefined = schema;
  let value = root;
  for (let i = 0; i <= path.length && node; i++) {
    while (node instanceof z.ZodOptional) node = node.unwrap() as z.ZodType;
    if (node instanceof z.ZodDiscriminatedUnion) {
      const type = (value as { type?: unknown } | undefined)?.type;
      node = (node.options as z.ZodType[]).find(
        (option) =>
          option instanceof z.ZodObject &&
          (option.shape.type as z.ZodLiteral | undefined)?.value === type,
      );
    }
    if (i === path.length) break;
    const segment = path[i];
    value = valueAt(value, [segment as PropertyKey]).value;
    if (node instanceof z.ZodArray && typeof segment === "number") node = node.element as z.ZodType;
    else if (node instanceof z.ZodObject && typeof segment === "string")
      node = node.shape[segment] as z.ZodType | undefined;
    else node = undefined;
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownFieldMessage(key: string, allowed: string[] | undefined): string {
  const message = `unknown field "${key}"`;
  if (!allowed) return `${message}; remove it`;
  const guess = allowed.find(
    (field) =>
      // Short names are too close to each other for a looser match to be a useful guess.
      editDistance(field.toLowerCase(), key.toLowerCase()) <=
      Math.max(1, Math.floor(key.length / 4)),
  );
  if (guess) return `${message}; did you mean "${guess}"?`;
  return `${message}; expected only ${allowed.map((field) => `"${field}"`).join(", ")}`;
}

function expectedName(expected: string): string {
  return expected === "int" ? "whole number" : expected;
}

export function issuesToErrors(
  file: string,
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    const at = valueAt(data, issue.path);
    const error = (path: readonly PropertyKey[], message: string) =>
      errors.push({ file, path: jsonPath(path), message });

    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = allowedFields(schema, issue.path, data);
        for (const key of issue.keys)
          error([...issue.path, key], unknownFieldMessage(key, allowed));
        break;
      }
      case "invalid_type":
        if (!at.found)
          error(issue.path, `required field is missing (expected ${expectedName(issue.expected)})`);
        else if (issue.expected === "int")
          error(issue.path, `expected whole number, got ${shown(at.value)}`);
        else error(issue.path, `expected ${issue.expected}, got ${typeName(at.value)}`);
        break;
      case "invalid_union": {
        // The only discriminated union is the block type; phrase it for that.
        const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
        const expected = `expected one of ${options.map((option) => JSON.stringify(option)).join(", ")}`;
        if ("discriminator" in issue && !at.found)
          error(issue.path, `required field is missing; ${expected}`);
        else if ("discriminator" in issue)
          error(issue.path, `unknown block type ${shown(at.value)}; ${expected}`);
        else error(issue.path, issue.message);
        break;
      }
      case "invalid_format":
        error(issue.path, `${issue.message}; got ${shown(at.value)}`);
        break;
      case "too_big":
      case "too_small":
        // Lengths are counted after trimming, as the schema does.
        if (issue.code === "too_big" && typeof at.value === "string")
          error(issue.path, `${issue.message} (it has ${at.value.trim().length})`);
        else if (typeof at.value === "number")
          error(issue.path, `${issue.message}; got ${at.value}`);
        else error(issue.path, issue.message);
        break;
      default:
        error(issue.path, issue.message);
    }
  }
  return errors;
}
