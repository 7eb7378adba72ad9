import { showTextSize, storedTextSize } from "@/features/text-size/text-size-store";
import {
  holdPhoto,
  LATER_PHOTO_ATTRIBUTE,
  liteLinksIn,
  showDataSaver,
  smallestSrcSet,
  wantedDataSaver,
} from "@/shared/data-saver";

/**
 * Compiled into the inline script that opens <head> (scripts/bundle/start-up-scripts.ts): it
 * runs before the stylesheet paints anything, so a reader who chose LG never sees a flash of
 * MD. Storage that throws or holds garbage leaves the default size.
 */
export function applyStoredTextSize(): void {
  const size = storedTextSize();
  if (size) showTextSize(size);
}

/**
 * In data saver mode (src/shared/data-saver.ts), marks <html> (the stylesheet then hides a
 * story's later photos behind "Show photo") and rewrites the page as the parser builds it:
 * every picture's `srcset` down to its smallest width, every story link to the story's lite
 * page. It works because the page's photos are `loading="lazy"`: the browser (and its preload
 * scanner) asks for a lazy image only after layout, by when its `srcset` is rewritten; an eager
 * one is requested the moment the parser meets it, before any script could change it. Out of
 * the mode, the story's first photo (lazy, `fetchpriority="high"`) is made eager as the parser
 * inserts it, so it is requested then, as it was when the page said eager, not after layout.
 */
export function applyDataSaverWhileParsing(): void {
  const saving = wantedDataSaver();
  if (saving) showDataSaver(true);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (saving) saveDataIn(node);
        else loadFirstPhotoNow(node);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // From here on the app, once loaded, renders the mode itself.
  document.addEventListener("DOMContentLoaded", () => observer.disconnect(), { once: true });
}

/** The page's first photo (the one asked for first), requested now rather than after layout. */
export function loadFirstPhotoNow(root: Element): void {
  const first = 'img[fetchpriority="high"][loading="lazy"]';
  const image = root.matches(first) ? root : root.querySelector(first);
  image?.setAttribute("loading", "eager");
}

/** Smallest widths and lite story links in `root` and below it. */
export function saveDataIn(root: Element): void {
  for (const element of [root, ...root.querySelectorAll("img, source")]) {
    const srcset = element.getAttribute("srcset");
    if (!srcset || (element.localName !== "img" && element.localName !== "source")) continue;
    element.setAttribute("srcset", smallestSrcSet(srcset));
    // A later photo asks for nothing until "Show photo": hidden and lazy is not enough when
    // its file is in the memory cache (a reload), which the browser loads at once.
    if (element.closest(`[${LATER_PHOTO_ATTRIBUTE}]`)) holdPhoto(element);
  }
  liteLinksIn(root, true);
}
