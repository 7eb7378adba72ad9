import { type RefObject, useEffect, useRef } from "react";

/**
 * A focus move interrupts whatever a screen reader is saying, so the count comes after it:
 * once the first new item's link has started to be read, a polite message waits its turn
 * instead of being cut off (or cutting the link off).
 */
const ANNOUNCE_AFTER_FOCUS_MS = 300;

/**
 * Load more's focus and announcement, for a list that grows (a feed, search results): call the
 * returned function with the number of items shown when the reader presses; once the list has
 * more, focus moves to the first new item's link (`linkSelector`) and `announce` says how many
 * came ("10 more stories loaded").
 */
export function useFocusFirstNew(
  list: RefObject<HTMLElement | null>,
  count: number,
  linkSelector: string,
  announce: (message: string) => void,
): (shownAtPress: number) => void {
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    if (firstNew.current === null) return;
    const target =
      list.current?.children[firstNew.current]?.querySelector<HTMLElement>(linkSelector);
    if (!target) return;
    const added = count - firstNew.current;
    firstNew.current = null;
    target.focus();
    const timer = window.setTimeout(
      () => announce(`${added} more ${added === 1 ? "story" : "stories"} loaded`),
      ANNOUNCE_AFTER_FOCUS_MS,
    );
    return () => window.clearTimeout(timer);
  }, [list, count, linkSelector, announce]);
  return (shownAtPress) => {
    firstNew.current = shownAtPress;
  };
}
