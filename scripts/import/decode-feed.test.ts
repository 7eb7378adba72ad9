import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeFeed } from "./decode-feed.ts";
import { readFeed } from "./feed-items.ts";

/** Encodings as feedparser's test suite has them (fixtures/corpus/feedparser/encoding). */

const ENCODING = path.join(import.meta.dirname, "fixtures", "corpus", "feedparser", "encoding");

describe("feed encodings", () => {
  it("reads an EUC-KR item as feedparser expects it (entries[0]['description'] == '\\ub144')", async () => {
    const read = readFeed(decodeFeed(await readFile(path.join(ENCODING, "euc-kr-item.xml"))));
    if (!read.ok) throw new Error(read.message);
    expect(read.feed.items[0]?.summary).toBe("\ub144");
  });

  it("reads every UTF-16 and UTF-32 file, with or without a byte order mark, as XML", async () => {
    const names = (await readdir(ENCODING)).filter((name) => /^utf-?(16|32)|^u16/.test(name));
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const text = decodeFeed(await readFile(path.join(ENCODING, name)));
      expect([name, text.trimStart().slice(0, 5)]).toEqual([name, "<?xml"]);
    }
  });

  it("honours the XML declaration's encoding, and reads UTF-8 without one", () => {
    const declared = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>caf'),
      Buffer.from([0xe9, 0x93, 0x94]),
      Buffer.from("</title></rss>"),
    ]);
    expect(decodeFeed(declared)).toContain("café“”");
    expect(decodeFeed(Buffer.from("<rss><title>چای</title></rss>"))).toContain("چای");
  });
});
