import { showTextSize, storedTextSize } from "@/features/text-size/text-size-store";

/**
 * Compiled into the inline script that opens <head> (scripts/bundle/start-up-scripts.ts): it
 * runs before the stylesheet paints anything, so a reader who chose LG never sees a flash of
 * MD. Storage that throws or holds garbage leaves the default size.
 */
export function applyStoredTextSize(): void {
  const size = storedTextSize();
  if (size) showTextSize(size);
}
