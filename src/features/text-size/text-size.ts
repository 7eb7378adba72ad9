/**
 * The reading text size: which sizes exist and how a stored value is read. Rendering never
 * reads storage; the store (text-size-store.ts) is the only place that touches `document` and
 * `localStorage`, for the app and for the inline start-up scripts (src/start-up) alike.
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
