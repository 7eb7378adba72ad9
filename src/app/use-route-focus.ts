import { useEffect, useRef } from "react";
import { useLocation, useNavigationType } from "react-router";

/**
 * After a client-side navigation, move focus to the new page's h1 so a screen reader announces
 * the page, as a full page load would. Replacements (Load more updating `?page=`) are not new
 * pages, and the first render keeps the browser's own focus.
 */
export function useRouteFocus(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new location entry
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType === "REPLACE") return;
    const heading = document.querySelector<HTMLElement>("main h1");
    // preventScroll: the router has already put the page at the top, or back where it was.
    (heading ?? document.querySelector<HTMLElement>("main"))?.focus({ preventScroll: true });
  }, [location.key]);
}
