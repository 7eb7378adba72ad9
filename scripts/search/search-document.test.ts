import { describe, expect, it } from "vitest";
import { scriptSafeJson } from "../../src/shared/script-safe-json.ts";
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
      searchDocument(page('<article data-pagefind-body=""><h1>x</h1>'), "stories/e.html"),
    ).toThrow("search index: stories/e.html: the <article data-pagefind-body> has no end tag");
  });

  it("finds the build's markers by their tags, wherever a story's words repeat them", () => {
    // A headline about the markup itself, as the page carries it: escaped by React in the
    // title, the link previews' attributes, a form field and the article, and as script-safe
    // JSON in the structured data and the page's data (scriptSafeJson). The story-text crash
    // test builds such pages and parses them as a browser does.
    const words = "What data-pagefind-body does: <article data-pagefind-body> and </article>";
    const escaped = words.replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    const json = JSON.stringify(words).replaceAll("<", "\\u003c");
    const tricky = read(
      `<!doctype html>\r\n<html lang="en"><head><title>${escaped}</title><meta property="og:title" content="${escaped}"/><script type="application/ld+json">${scriptSafeJson({ headline: words })}</script><style>/* </article> */</style></head><body><!-- --><main><article data-pagefind-body=""><h1>${escaped}</h1><article><h2>Nested</h2></article><p>\r\nسرخط</p></article></main><script type="application/json" id="dispatch-state">${json}</script><textarea>${escaped}</textarea></body></html>`,
    );
    expect(searchDocument(tricky, "stories/g.html")).toBe(
      `<!doctype html><html lang="en"><body><article data-pagefind-body=""><h1>${escaped}</h1><article><h2>Nested</h2></article><p>\r\nسرخط</p></article></body></html>`,
    );
  });
});
