import {
  DEFAULT_TEXT_SIZE,
  parseTextSize,
  TEXT_SIZE_STORAGE_KEY,
  type TextSize,
} from "@/features/reading-size/text-size";

/**
 * The chosen size lives on <html data-text-size>, where CSS reads it, and in localStorage so
 * it survives reloads. Storage that throws or holds garbage leaves the control working for
 * the visit at the default size.
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

export function setTextSize(size: TextSize): void {
  const root = document.documentElement;
  if (size === DEFAULT_TEXT_SIZE) delete root.dataset.textSize;
  else root.dataset.textSize = size;
  try {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Storage is unavailable: the choice holds for this visit only.
  }
  for (const listener of listeners) listener();
}
