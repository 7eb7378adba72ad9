/**
 * Feed files come in every encoding their era used; XML says which in a byte order mark or
 * its declaration. Decoded here, before any parser sees the text.
 */

/**
 * A feed file's bytes as text: a byte order mark, else UTF-16 by its first "<", else the XML
 * declaration's encoding (big5, windows-1252, …, as TextDecoder knows them), else UTF-8.
 */
export function decodeFeed(bytes: Uint8Array): string {
  const [a, b, c, d] = bytes;
  // UTF-32, which TextDecoder does not read: by its byte order mark or its first "<".
  if (a === 0 && b === 0 && ((c === 0xfe && d === 0xff) || (c === 0 && d === 0x3c)))
    return utf32(bytes, false);
  if (
    (a === 0xff && b === 0xfe && c === 0 && d === 0) ||
    (a === 0x3c && b === 0 && c === 0 && d === 0)
  )
    return utf32(bytes, true);
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (a === 0x3c && b === 0) return new TextDecoder("utf-16le").decode(bytes);
  if (a === 0 && b === 0x3c) return new TextDecoder("utf-16be").decode(bytes);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const label = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  if (label && WINDOWS_1252_LABELS.has(label.toLowerCase())) return windows1252(bytes);
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // A label TextDecoder does not know: UTF-8 is the XML default.
    }
  }
  return new TextDecoder().decode(bytes);
}

function utf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const points: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const point = view.getUint32(at, littleEndian);
    points.push(point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? point : 0xfffd);
  }
  return String.fromCodePoint(...points).replace(/^\uFEFF/, "");
}

/**
 * The labels the Encoding Standard reads as windows-1252. Node's TextDecoder reads them as
 * ISO-8859-1, so bytes 0x80-0x9F ("smart" quotes, dashes, the euro sign, which feeds declared
 * ISO-8859-1 are full of) would become invisible control characters.
 */
const WINDOWS_1252_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "l1",
  "us-ascii",
  "ascii",
]);
// 0x80-0x9F in windows-1252; the five bytes it leaves undefined keep their own code point.
const C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function windows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80] ?? c);
}
