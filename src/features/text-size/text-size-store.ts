import {
  DEFAULT_TEXT_SIZE,
  parseTextSize,
  TEXT_SIZE_STORAGE_KEY,
  type TextSize,
} from "@/features/text-size/text-size";

/**
 * The chosen size lives on <html data-text-size>, where CSS reads it, and in localStorage so
 * it survives reloads. Storage that throws or holds garbage leaves the control working for
 * the visit at the default size.
 *
 * The inline start-up scripts (src/start-up) use the same functions before the app has
 * loaded: they restore the stored size before first paint and apply a press made early. The
 * app then reads the size back from <html>, so it adopts whatever they applied.
 */

const listeners = new Set<() => void>();

export function subscribeTextSize(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getTextSize(): TextSize {
  return parseTextSize(document.documentElement.dataset.textSize) ?? DEFAULT_TEXT_SIZE;
}

export function getServerTextSize(): TextSize {
  return DEFAULT_TEXT_SIZE;
}

/** The size stored on an earlier visit, if storage can be read and holds a real size. */
export function storedTextSize(): TextSize | undefined {
  try {
    return parseTextSize(localStorage.getItem(TEXT_SIZE_STORAGE_KEY));
  } catch {
    // Storage is disabled or missing (private mode, embedded browsers): nothing was kept.
    return undefined;
  }
}

/** Shows `size` (MD is the stylesheet's default, so it clears the attribute). */
export function showTextSize(size: TextSize): void {
  const root = document.documentElement;
  if (size === DEFAULT_TEXT_SIZE) delete root.dataset.textSize;
  else root.dataset.textSize = size;
}

/** Shows and remembers `size`, without telling the app's subscribers. */
export function applyTextSize(size: TextSize): void {
  showTextSize(size);
  try {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Storage is unavailable: the choice holds for this visit only.
  }
}

export function setTextSize(size: TextSize): void {
  applyTextSize(size);
  for (const listener of listeners) listener();
}
