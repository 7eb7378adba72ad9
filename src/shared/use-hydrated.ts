import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False during prerendering and the hydration render, true after: lets a component show
 * browser-only detail (relative times, stored preferences) without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
