import leven from "leven";
import type { z } from "zod";
import { type ContentError, jsonPath } from "./content-error.ts";

/**
 * Turns zod issues into messages a newsroom editor can act on: what is wrong at that path and
 * what is expected. The schema's own messages are kept where it wrote them for editors
 * (lengths, formats, patterns), with what the editor typed added; zod's generic ones are
 * replaced by the error map below. Parse with `PARSE_FOR_EDITORS` so each issue carries the
 * value it is about (`reportInput`).
 */

type Issue = z.core.$ZodRawIssue;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  // JSON.parse turns an overflowing number such as 1e999 into Infinity.
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function unknownFieldMessage(key: string, allowed: string[] | undefined): string {
  const message = `unknown field ${JSON.stringify(key)}`;
  if (!allowed) return `${message}; remove it`;
  const guess = allowed.find(
    (field) =>
      // Short names are too close to each other for a looser match to be a useful guess.
      leven(field.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.floor(key.length / 4)),
  );
  if (guess) return `${message}; did you mean "${guess}"?`;
  return `${message}; expected only ${allowed.map((field) => `"${field}"`).join(", ")}`;
}

/** The fields of the strict object that raised an unknown-field issue. */
function shapeOf(issue: Issue): string[] | undefined {
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def
    ?.shape;
  return shape ? Object.keys(shape) : undefined;
}

/** zod's error map, consulted only where the schema wrote no message of its own. */
function editorMessage(issue: Issue): string | undefined {
  const { input } = issue;
  switch (issue.code) {
    case "unrecognized_keys": {
      // One line per unknown key, split apart again in issuesToErrors. JSON.stringify in
      // unknownFieldMessage escapes any line break inside a key.
      const allowed = shapeOf(issue);
      return issue.keys.map((key) => unknownFieldMessage(key, allowed)).join("\n");
    }
    case "invalid_union": {
      // The only discriminated union is the block type; phrase it for that.
      if (!("discriminator" in issue) || typeof issue.discriminator !== "string") return undefined;
      const options = Array.isArray(issue.options) ? issue.options : [];
      const expected = `expected one of ${options.map((option) => JSON.stringify(option)).join(", ")}`;
      const type = (input as Record<string, unknown> | undefined)?.[issue.discriminator];
      if (type === undefined) return `required field is missing; ${expected}`;
      return `unknown block type ${shown(type)}; ${expected}`;
    }
    default:
      return undefined;
  }
}

export const PARSE_FOR_EDITORS = { reportInput: true, error: editorMessage } as const;

/**
 * What the editor typed, added to the schema's own message where it helps to see it. A value of
 * the wrong type (or none) is worded here, not in the error map: the schema's own message for a
 * field (the date-time format's, say) would win there, and it speaks of the value's form.
 */
function withInput(issue: z.core.$ZodIssue): string {
  const { message, input } = issue;
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.expected === "int" ? "whole number" : issue.expected;
      if (input === undefined) return `required field is missing (expected ${expected})`;
      if (issue.expected === "int") return `expected whole number, got ${shown(input)}`;
      return `expected ${issue.expected}, got ${typeName(input)}`;
    }
    case "invalid_format":
      return `${message}; got ${shown(input)}`;
    case "too_big":
    case "too_small":
      // Lengths are counted after trimming, as the schema does.
      if (issue.code === "too_big" && typeof input === "string")
        return `${message} (it has ${input.trim().length})`;
      if (typeof input === "number") return `${message}; got ${input}`;
      return message;
    default:
      return message;
  }
}

export function issuesToErrors(file: string, issues: readonly z.core.$ZodIssue[]): ContentError[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key, index) => ({
        file,
        path: jsonPath([...issue.path, key]),
        message: issue.message.split("\n")[index] ?? issue.message,
      }));
    return [{ file, path: jsonPath(issue.path), message: withInput(issue) }];
  });
}
