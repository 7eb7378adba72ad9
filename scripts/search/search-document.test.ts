import { describe, expect, it } from "vitest";
import { searchDocument } from "./search-document.ts";

// A page read as text, or as bytes (as the search stage reads it), where letters before the
// story take more bytes than characters.
describe.each([
  ["text", (html: string) => html],
  ["bytes", (html: string) => Buffer.from(html)],
])("searchDocument, from a page as %s", (_as, read) => {
  const page = (main: string) =>
    read(
      `<!doctype html><html lang="en" dir="ltr"><head><title>T</title><script>var a="<article>"</script></head><body><header><nav>موضوع‌ها Topics</nav></header><main>${main}<aside><article><h2>Related</h2></article></aside></main><footer>About</footer></body></html>`,
    );
  const story =
    '<article lang="fa" dir="rtl" data-pagefind-body="" data-pagefind-meta="date:2024-01-01"><h1>سرخط</h1><p>&lt;/article&gt; is text</p></article>';

  it("keeps the page's <html> tag and the story's article, and nothing of the rest", () => {
    expect(searchDocument(page(story), "stories/a.html")).toBe(
      `<!doctype html><html lang="en" dir="ltr"><body>${story}</body></html>`,
    );
  });

  it("leaves out class names and a photo's other sizes and formats, never the story's words", () => {
    const photo =
      '<figure class="reading-figure"><picture><source type="image/avif" srcSet="/a-320.avif 320w" sizes="100vw"/><img src="/a-640.jpg" srcSet="/a-320.jpg 320w" sizes="100vw" alt="A ferry" width="640" height="480"/></picture></figure>';
    const words =
      '<p class="lede">Write &lt;source /&gt; and class=&quot;x&quot; sizes=&quot;y&quot;</p>';
    const article = `<article class="story" data-pagefind-body="">${photo}${words}</article>`;
    expect(searchDocument(page(article), "stories/f.html")).toBe(
      '<!doctype html><html lang="en" dir="ltr"><body><article data-pagefind-body=""><figure><picture><img src="/a-640.jpg" alt="A ferry" width="640" height="480"/></picture></figure><p>Write &lt;source /&gt; and class=&quot;x&quot; sizes=&quot;y&quot;</p></article></body></html>',
    );
  });

  it("names the file and what is wrong when the page is not shaped as a story page", () => {
    expect(() => searchDocument(page("<p>no story</p>"), "stories/b.html")).toThrow(
      "search index: stories/b.html: expected one <article data-pagefind-body>, found none",
    );
    expect(() => searchDocument(page(story + story), "stories/c.html")).toThrow(
      "found more than one",
    );
    expect(() =>
      searchDocument(page('<div data-pagefind-body=""><h1>x</h1></div>'), "stories/d.html"),
    ).toThrow("search index: stories/d.html: data-pagefind-body is not on an <article> element");
    expect(() =>
      searchDocument(
        page('<article data-pagefind-body=""><article><h2>x</h2></article></article>'),
        "stories/e.html",
      ),
    ).toThrow("search index: stories/e.html: the story's article holds another");
  });
});
