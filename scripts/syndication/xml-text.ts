/**
 * XML 1.0 cannot carry some characters at all, escaped or not: C0 controls other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. Story text may hold them
 * (a paste from a word processor), and a feed reader rejects the whole file for one, so they
 * are dropped from the XML formats. Everything else is escaped by the XML writer.
 */
export function xmlSafe(text: string): string {
  let kept = "";
  // for…of walks code points: a surrogate pair arrives whole, a lone surrogate alone.
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  return kept;
}

/** The `Char` production of XML 1.0. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}
