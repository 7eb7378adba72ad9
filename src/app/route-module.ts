import { onlineManager } from "@tanstack/react-query";

/**
 * Page code is split by route and loaded on the way to the page. React Router keeps a route's
 * first import attempt for the rest of the visit, failed or not, so an import that fails only
 * because the reader is offline must not fail: like the page's data, it waits for the
 * connection and tries again.
 */
export async function importWhenOnline<T>(load: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await load();
    } catch (error) {
      if (onlineManager.isOnline()) throw error;
      await backOnline();
    }
  }
}

function backOnline(): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = onlineManager.subscribe((online) => {
      if (!online) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * The browsers' words for "this page's code could not be loaded" (Chromium, Firefox, Safari,
 * and Vite's stylesheet preload). Only a fresh page load tries such an import again.
 */
const MODULE_LOAD_FAILED =
  /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isModuleLoadError(error: unknown): boolean {
  return error instanceof Error && MODULE_LOAD_FAILED.test(error.message);
}
