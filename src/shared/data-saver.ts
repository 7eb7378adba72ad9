/**
 * Data saver mode on full pages: on when the reader turned the header's "Data saver" switch on,
 * or, until they choose, when the browser asks to save data (`navigator.connection.saveData`,
 * what Chromium sends as `Save-Data: on`). In the mode the app's code loads only for something
 * that needs it, a story loads only its first photo, every picture its smallest width, and
 * links to stories lead to their lite pages.
 *
 * The mode lives on <html data-data-saver> (set before paint by src/start-up/before-paint.ts,
 * read by CSS, by the start-up script and by the app) and the reader's choice in localStorage,
 * as the text size does (src/features/text-size/text-size-store.ts). Rendering never reads
 * either: the server snapshot is "off", and the app adopts the mode once hydrated
 * (use-data-saver.ts). This module imports nothing: the inline scripts bundle it.
 */
export const DATA_SAVER_STORAGE_KEY = "dispatch:data-saver";
export const DATA_SAVER_ATTRIBUTE = "data-data-saver";
/** src/shared/lite-paths.ts's `litePath.story`, written out because this module imports nothing. */
const liteStoryPath = (id: string) => `/lite/stories/${id}`;

const STORY_PATH = /^\/stories\/([a-z0-9-]+)$/;

/**
 * A story's address in a page (`/stories/<id>`, under the build's base path: `/mirror/news/…`)
 * -> its lite page's, under the same base; any other address as it is. The base is Vite's, as
 * src/shared/with-base.ts reads it, written out because this module imports nothing.
 */
export function litePathOf(href: string): string {
  const base = import.meta.env.BASE_URL;
  if (!href.startsWith(base)) return href;
  const id = STORY_PATH.exec(`/${href.slice(base.length)}`)?.[1];
  return id ? `${base}${liteStoryPath(id).slice(1)}` : href;
}

/** On a figure: not the story's first photo, held back in data saver mode. */
export const LATER_PHOTO_ATTRIBUTE = "data-later";
const HELD = ["src", "srcset"] as const;

/** Keeps an image or source from loading: its addresses move to `data-held-*`. */
export function holdPhoto(element: Element): void {
  for (const name of HELD) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    element.setAttribute(`data-held-${name}`, value);
    element.removeAttribute(name);
  }
}

/** Undoes holdPhoto for the images and sources in `root`. */
export function releasePhotos(root: Element): void {
  for (const element of root.querySelectorAll("img, source")) {
    for (const name of HELD) {
      const value = element.getAttribute(`data-held-${name}`);
      if (value === null) continue;
      element.setAttribute(name, value);
      element.removeAttribute(`data-held-${name}`);
    }
  }
}

/** On a link rewritten to a lite page before the app ran: the address it had. */
const FULL_HREF_ATTRIBUTE = "data-full-href";

/**
 * Points the story links in `root` (and `root` itself) at lite pages, or back (`on` false),
 * for the inline scripts; the app renders its links itself.
 */
export function liteLinksIn(root: Element, on: boolean): void {
  for (const link of [root, ...root.querySelectorAll("a")]) {
    if (link.localName !== "a") continue;
    const href = link.getAttribute("href");
    const full = link.getAttribute(FULL_HREF_ATTRIBUTE);
    if (on && href && litePathOf(href) !== href) {
      link.setAttribute(FULL_HREF_ATTRIBUTE, href);
      link.setAttribute("href", litePathOf(href));
    } else if (!on && full) {
      link.setAttribute("href", full);
      link.removeAttribute(FULL_HREF_ATTRIBUTE);
    }
  }
}

/** The narrowest file of a `srcset` ("a-320.jpg 320w, a-640.jpg 640w" -> "a-320.jpg 320w"). */
export function smallestSrcSet(srcset: string): string {
  const candidates = srcset
    .split(",")
    .map((candidate) => candidate.trim())
    .filter(Boolean)
    .map((candidate) => ({
      candidate,
      width: Number.parseInt(candidate.split(/\s+/)[1] ?? "", 10),
    }));
  const known = candidates.filter(({ width }) => Number.isFinite(width));
  if (known.length === 0) return srcset;
  return known.reduce((smallest, next) => (next.width < smallest.width ? next : smallest))
    .candidate;
}

/** The reader's stored choice, if storage can be read and holds one. */
export function storedDataSaver(): boolean | undefined {
  try {
    const value = localStorage.getItem(DATA_SAVER_STORAGE_KEY);
    return value === "on" ? true : value === "off" ? false : undefined;
  } catch {
    // Storage is disabled or missing: nothing was kept.
    return undefined;
  }
}

/** Whether the browser asks to save data (Chromium's Save-Data; other browsers say nothing). */
export function browserSavesData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

/** The mode a page starts in: the reader's choice, else the browser's wish. */
export function wantedDataSaver(): boolean {
  return storedDataSaver() ?? browserSavesData();
}

export function isDataSaverOn(): boolean {
  return document.documentElement.hasAttribute(DATA_SAVER_ATTRIBUTE);
}

export function showDataSaver(on: boolean): void {
  document.documentElement.toggleAttribute(DATA_SAVER_ATTRIBUTE, on);
}

const listeners = new Set<() => void>();

/** Shows and remembers the choice, without telling the app (the start-up script's press). */
export function applyDataSaver(on: boolean): void {
  showDataSaver(on);
  try {
    localStorage.setItem(DATA_SAVER_STORAGE_KEY, on ? "on" : "off");
  } catch {
    // Storage is unavailable: the choice holds for this page only.
  }
}

export function setDataSaver(on: boolean): void {
  applyDataSaver(on);
  for (const listener of listeners) listener();
}

export function subscribeDataSaver(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
