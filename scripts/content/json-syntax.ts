/**
 * Node 20's JSON.parse does not always say where it failed ("Unexpected token '}', ... is not
 * valid JSON" has no position), so on failure we ask jsonc-parser (the parser VS Code uses, in
 * strict mode) for the first error's offset and code, and turn them into the line, column and
 * plain-language reason an editor needs.
 */
import {
  createScanner,
  getLocation,
  type ParseError,
  parse,
  printParseErrorCode,
} from "jsonc-parser";

export type JsonSyntaxError = { line: number; column: number; message: string };

type Problem = { offset: number; message: string };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
const BAD_ESCAPE = /\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/;
const STRING_CONTROL =
  "line break or control character inside a string; expected it written as \\n or \\t, or a missing closing quote";

function describeChar(char: string): string {
  if (char === "'") return "single quote ' (JSON needs double quotes)";
  if (char === '"') return "'\"' (the start of a string)";
  if (/\s/.test(char)) return `whitespace character U+${char.codePointAt(0)?.toString(16)}`;
  return `'${char}'`;
}

function unexpected(text: string, offset: number, expected: string): Problem {
  const found = offset >= text.length ? "end of file" : describeChar(text[offset] ?? "");
  return { offset, message: `unexpected ${found}; expected ${expected}` };
}

/** What may follow a value: `"," or "}"` in an object, `"," or "]"` in an array. */
function afterValue(text: string, offset: number): string {
  const inArray = typeof getLocation(text, offset).path.at(-1) === "number";
  return `"," or "${inArray ? "]" : "}"}" after a value (is a comma missing?)`;
}

function explain(text: string, error: ParseError, next: ParseError | undefined): Problem {
  const { offset, length } = error;
  const token = text.slice(offset, offset + length);
  switch (printParseErrorCode(error.error)) {
    case "UnexpectedEndOfString":
      // The string runs to a line break or to the end of the file: point at where it stops.
      return offset + length >= text.length
        ? unexpected(text, text.length, 'a closing double quote (")')
        : { offset: offset + length, message: STRING_CONTROL };
    case "InvalidCharacter":
      return {
        offset:
          offset +
          Math.max(
            0,
            [...token].findIndex((char) => char < " "),
          ),
        message: STRING_CONTROL,
      };
    case "InvalidEscapeCharacter":
    case "InvalidUnicode":
      return {
        offset: offset + (BAD_ESCAPE.exec(token)?.index ?? 0),
        message:
          'invalid escape in a string; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
      };
    case "EndOfFileExpected":
      return {
        offset,
        message: `unexpected ${describeChar(text[offset] ?? "")} after the end of the JSON value; expected the end of the file`,
      };
    case "PropertyNameExpected":
    case "ValueExpected": {
      if (text.trim() === "")
        return { offset: 0, message: "the file is empty; expected a JSON object" };
      // Trailing commas are the most common hand-editing slip; point at the comma itself.
      const comma = text.slice(0, offset).trimEnd();
      const close = text[offset];
      if (comma.endsWith(",") && (close === "}" || close === "]"))
        return {
          offset: comma.length - 1,
          message: `trailing comma before "${close}"; expected no comma there`,
        };
      const expected =
        printParseErrorCode(error.error) === "ValueExpected"
          ? "a value"
          : "a field name in double quotes";
      return unexpected(text, offset, expected);
    }
    case "InvalidSymbol": {
      // A bare word or a single quote: what was expected there is the parser's next complaint.
      const field = next && printParseErrorCode(next.error) === "PropertyNameExpected";
      return unexpected(text, offset, field ? "a field name in double quotes" : "a value");
    }
    case "ColonExpected":
      return unexpected(text, offset, '":" after the field name');
    case "InvalidNumberFormat":
      return unexpected(text, offset, "a number");
    case "UnexpectedEndOfNumber":
      // "1." or "1e": the number stops where a digit should follow.
      return unexpected(text, offset + length, "a digit");
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return { offset, message: "unexpected '/' (a comment); JSON has no comments" };
    default:
      // CommaExpected, CloseBraceExpected, CloseBracketExpected.
      return unexpected(text, offset, afterValue(text, offset));
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * jsonc-parser's parse recurses once per level of nesting, and a file of 10,000 "[" overflowed
 * the stack (an editor saw "Maximum call stack size exceeded" and no file name). No story
 * nests beyond a few levels, so deeper than this is the problem itself, found by its scanner,
 * which does not recurse. Its token kinds are a const enum, which isolated modules cannot
 * read: 1 and 3 are "{" and "[", 2 and 4 "}" and "]", 17 the end of the text.
 */
const MAX_DEPTH = 256;

function tooDeep(text: string): Problem | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== 17; kind = scanner.scan()) {
    if (kind === 2 || kind === 4) depth--;
    else if ((kind === 1 || kind === 3) && ++depth > MAX_DEPTH)
      return {
        offset: scanner.getTokenOffset(),
        message: `objects and arrays nested more than ${MAX_DEPTH} levels deep; expected a story's few levels`,
      };
  }
  return undefined;
}

/** Locates why `text` is not JSON; call only after JSON.parse has rejected it. */
export function findJsonSyntaxError(text: string, parseMessage: string): JsonSyntaxError {
  const deep = tooDeep(text);
  if (deep) return { ...lineAndColumn(text, deep.offset), message: deep.message };
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  // jsonc-parser in strict mode rejects what JSON.parse rejects (even whitespace other than
  // spaces, tabs and line breaks); should they ever disagree, JSON.parse's words are honest.
  if (!errors[0]) return { line: 1, column: 1, message: parseMessage };
  const problem = explain(text, errors[0], errors[1]);
  return { ...lineAndColumn(text, problem.offset), message: problem.message };
}
