/**
 * The reading text size: which sizes exist, how a stored value is read, and the tiny script
 * that applies it to <html> before first paint. Rendering never reads storage; the store
 * below is the only place that touches `document` and `localStorage`.
 */

export const TEXT_SIZES = [
  { value: "xs", label: "XS", name: "extra small" },
  { value: "sm", label: "SM", name: "small" },
  { value: "md", label: "MD", name: "medium" },
  { value: "lg", label: "LG", name: "large" },
] as const;

export type TextSize = (typeof TEXT_SIZES)[number]["value"];

export const DEFAULT_TEXT_SIZE: TextSize = "md";
export const TEXT_SIZE_STORAGE_KEY = "dispatch:text-size";

export function parseTextSize(value: unknown): TextSize | undefined {
  return TEXT_SIZES.find((size) => size.value === value)?.value;
}

/**
 * Runs inline in <head>, before the stylesheet paints anything, so a reader who chose LG never
 * sees a flash of MD. Storage may throw (private mode, disabled cookies): the default stands.
 */
export const APPLY_TEXT_SIZE_SCRIPT = `try{var s=localStorage.getItem(${JSON.stringify(
  TEXT_SIZE_STORAGE_KEY,
)});if(${JSON.stringify(
  TEXT_SIZES.map((size) => size.value).filter((size) => size !== DEFAULT_TEXT_SIZE),
)}.indexOf(s)>=0)document.documentElement.dataset.textSize=s}catch(e){}`;
