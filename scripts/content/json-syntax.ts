/**
 * Node 20's JSON.parse does not always say where it failed ("Unexpected token '}', ... is not
 * valid JSON" has no position), so on failure we re-scan the text with this small strict JSON
 * reader to tell an editor the line, column and a plain-language reason.
 */
export type JsonSyntaxError = { line: number; column: number; message: string };

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

function describeChar(char: string): string {
  if (char === "'") return "single quote ' (JSON needs double quotes)";
  if (char === '"') return "'\"' (the start of a string)";
  if (/\s/.test(char)) return `whitespace character U+${char.codePointAt(0)?.toString(16)}`;
  return `'${char}'`;
}

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipWhitespace();
    if (this.pos >= this.text.length)
      throw new SyntaxProblem(0, "the file is empty; expected a JSON object");
    this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length)
      throw new SyntaxProblem(
        this.pos,
        `unexpected ${describeChar(this.at())} after the end of the JSON value; expected the end of the file`,
      );
  }

  private at(): string {
    return this.text[this.pos] ?? "";
  }

  private fail(expected: string): never {
    if (this.pos >= this.text.length)
      throw new SyntaxProblem(this.pos, `unexpected end of file; expected ${expected}`);
    throw new SyntaxProblem(
      this.pos,
      `unexpected ${describeChar(this.at())}; expected ${expected}`,
    );
  }

  private skipWhitespace(): void {
    while (/[ \t\n\r]/.test(this.at())) this.pos++;
  }

  private value(): void {
    this.skipWhitespace();
    const char = this.at();
    if (char === "{") this.object();
    else if (char === "[") this.array();
    else if (char === '"') this.string();
    else if (char === "-" || /\d/.test(char)) this.number();
    else if (!["true", "false", "null"].some((word) => this.literal(word))) this.fail("a value");
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === "-") this.fail("a number");
    this.pos += match[0].length;
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const char = this.at();
      if (char === "") this.fail('a closing double quote (")');
      if (char === '"') {
        this.pos++;
        return;
      }
      if (char === "\\") {
        const escaped = this.text[this.pos + 1] ?? "";
        if (escaped === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
          this.pos += 6;
        else if (ESCAPES.has(escaped)) this.pos += 2;
        else
          throw new SyntaxProblem(
            this.pos,
            'invalid escape in a string; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
          );
      } else if (char.charCodeAt(0) < 0x20) {
        throw new SyntaxProblem(
          this.pos,
          "line break or control character inside a string; expected it written as \\n or \\t, or a missing closing quote",
        );
      } else {
        this.pos++;
      }
    }
  }

  private object(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.at() === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.at() !== '"') this.fail("a field name in double quotes");
      this.string();
      this.skipWhitespace();
      if (this.at() !== ":") this.fail('":" after the field name');
      this.pos++;
      this.value();
      this.skipWhitespace();
      if (this.at() === "}") {
        this.pos++;
        return;
      }
      if (this.at() !== ",") this.fail('"," or "}" after a value (is a comma missing?)');
      this.trailingCommaCheck("}");
    }
  }

  private array(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.at() === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.skipWhitespace();
      if (this.at() === "]") {
        this.pos++;
        return;
      }
      if (this.at() !== ",") this.fail('"," or "]" after a value (is a comma missing?)');
      this.trailingCommaCheck("]");
    }
  }

  /** Trailing commas are the most common hand-editing slip; point at the comma itself. */
  private trailingCommaCheck(close: string): void {
    const comma = this.pos;
    this.pos++;
    this.skipWhitespace();
    if (this.at() === close)
      throw new SyntaxProblem(comma, `trailing comma before "${close}"; expected no comma there`);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Locates why `text` is not JSON; call only after JSON.parse has rejected it. */
export function findJsonSyntaxError(text: string, parseMessage: string): JsonSyntaxError {
  try {
    new Scanner(text).document();
  } catch (error) {
    if (error instanceof SyntaxProblem)
      return { ...lineAndColumn(text, error.offset), message: error.message };
    throw error;
  }
  // The scanner accepts exactly what JSON.parse accepts; this keeps the report honest if not.
  return { line: 1, column: 1, message: parseMessage };
}
