import { useEffect, useLayoutEffect, useRef } from "react";
import { useLocation, useNavigationType } from "react-router";

type FocusedLink = { href: string; index: number };

/** The `index`-th link in main with this href: how a link is found again after re-rendering. */
function linksTo(href: string): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>(`main a[href="${CSS.escape(href)}"]`)];
}

/**
 * After a client-side navigation, move focus to the new page's h1 so a screen reader announces
 * the page, as a full page load would. Replacements (Load more updating `?page=`) are not new
 * pages, and the first render keeps the browser's own focus.
 *
 * Back and Forward return to a page the reader has seen: focus goes back to the link they
 * last focused there (the story they opened), as a browser's back/forward cache restores it,
 * so a keyboard user carries on from where they were instead of from the top of the page.
 */
export function useRouteFocus(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  const currentKey = useRef(location.key);
  const lastFocusedLink = useRef(new Map<string, FocusedLink>());

  // Before any page's own effects run, so focus they move (Load more's first new story) is
  // remembered against the entry it happened on.
  useLayoutEffect(() => {
    currentKey.current = location.key;
  }, [location.key]);

  useEffect(() => {
    const remember = (event: FocusEvent) => {
      const link = event.target instanceof Element ? event.target.closest("main a[href]") : null;
      const href = link?.getAttribute("href");
      if (!link || !href) return;
      lastFocusedLink.current.set(currentKey.current, {
        href,
        index: linksTo(href).indexOf(link as HTMLAnchorElement),
      });
    };
    document.addEventListener("focusin", remember);
    return () => document.removeEventListener("focusin", remember);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new location entry
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType === "REPLACE") return;
    const remembered =
      navigationType === "POP" ? lastFocusedLink.current.get(location.key) : undefined;
    const link = remembered ? linksTo(remembered.href)[remembered.index] : undefined;
    if (link) {
      // Without preventScroll: the browser scrolls only if the link is out of view, which
      // happens when the page reflowed meanwhile (a larger text size chosen on the story).
      link.focus();
      return;
    }
    // preventScroll: the router has already put the page at the top, or back where it was.
    (
      document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main")
    )?.focus({ preventScroll: true });
  }, [location.key]);
}
