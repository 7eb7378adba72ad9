import { describe, expect, it } from "vitest";
import { type Block, storySchema } from "../../src/content/schema.ts";
import { htmlToBlocks, htmlToText } from "./html-blocks.ts";
import { storyFromItem } from "./story-from-item.ts";

/** Markup of a size and depth no newsroom's own feed has, but any feed on the web can. */

const wordsOf = (blocks: Block[]) =>
  blocks.flatMap((block) => ("text" in block ? block.text.split(" ") : [])).filter(Boolean);

describe("feed HTML at scale", () => {
  it("reads 20,000 nested elements as text, not as a stack overflow", () => {
    const deep = (tag: string) =>
      `${`<${tag}>`.repeat(20_000)}deep text${`</${tag}>`.repeat(20_000)}`;
    expect(htmlToBlocks(deep("span"))).toEqual([{ type: "paragraph", text: "deep text" }]);
    expect(htmlToBlocks(deep("div"))).toEqual([{ type: "paragraph", text: "deep text" }]);
    expect(htmlToBlocks(`<p>${deep("b")}</p>`)).toEqual([{ type: "paragraph", text: "deep text" }]);
    expect(htmlToText(deep("em"))).toBe("deep text");
  });

  it("keeps every word of a 1 MB item with 40,000 <br>s, in paragraphs the schema allows", () => {
    // One <br> between words is a line break inside a paragraph; the paragraph is then far
    // over the schema's 10,000 characters and is split, never the reason to skip the item.
    const html = `${"word <br>".repeat(40_000)}${"x".repeat(1_000_000 - 9 * 40_000)}`;
    expect(html.length).toBe(1_000_000);
    const body = htmlToBlocks(html);
    const draft = storyFromItem(
      {
        n: 1,
        title: "Long",
        summary: "",
        body,
        guid: "long",
        published: "2024-09-17T10:00:00Z",
        authors: [],
      },
      {
        topics: ["world"],
        source: undefined,
        feedKey: "test",
        feedDate: undefined,
        now: new Date("2024-09-20T00:00:00Z"),
      },
    );
    if (!draft.ok) throw new Error(draft.message);
    expect(storySchema.safeParse(draft.story).success).toBe(true);
    expect(wordsOf(draft.story.body).filter((word) => word === "word")).toHaveLength(40_000);
  });

  it("ends a paragraph at two <br>s in a row, with or without blanks between", () => {
    expect(htmlToBlocks("one<br>two<br> <br>three<br>\n<br>four")).toEqual([
      { type: "paragraph", text: "one two" },
      { type: "paragraph", text: "three" },
      { type: "paragraph", text: "four" },
    ]);
  });
});
