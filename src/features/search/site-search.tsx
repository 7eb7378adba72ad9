import { useNavigate } from "react-router";
import { withBase } from "@/shared/with-base";

/** The search page's code: the route loads it, and so does focusing the header's box. */
export const loadSearchPage = () => import("@/features/search/search-page");

/** Pagefind's script, written by the build with the index (also named in pagefind.ts). */
const PAGEFIND_SCRIPT = withBase("/pagefind/pagefind.js");

/**
 * The header's search box, a `role="search"` landmark: a plain GET form to /search, so it
 * works before the app runs and costs the first screen almost no script. With the app, Enter
 * opens the results in the app, and focusing the box starts loading the search, so the
 * results come as soon as the reader asks. The header puts it in a disclosure like Topics (a
 * Search button on a phone; search.css shows it open from 48rem, and hides it on the search
 * page, which has a box of its own).
 */
export function SiteSearch() {
  const navigate = useNavigate();
  // On focus, and as the reader types (the focus that started the app came before the app
  // could see it), searching the words so far. Pagefind's script is requested beside the
  // page's code, not after it: a round trip less.
  const warmUp = (event: { target: EventTarget }) => {
    import(/* @vite-ignore */ PAGEFIND_SCRIPT).catch(() => {});
    loadSearchPage().then((page) => page.warmUp((event.target as HTMLInputElement).value));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: the form is the landmark, also where <search> is unknown
    <form
      role="search"
      action={withBase("/search")}
      className="site-search"
      onFocus={warmUp}
      onInput={warmUp}
      onSubmit={(event) => {
        event.preventDefault();
        const words = event.currentTarget.elements.namedItem("q") as HTMLInputElement;
        navigate(`/search?q=${encodeURIComponent(words.value)}`);
      }}
    >
      <input type="search" name="q" aria-label="Search stories" required className="search-input" />
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  );
}
