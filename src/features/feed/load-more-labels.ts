/**
 * The labels of the Load more button, shared with the inline start-up script (src/start-up),
 * which shows the busy one on a press made before the app is ready.
 */
export const LOAD_MORE_LABEL = "Load more";
export const LOAD_MORE_BUSY_LABEL = "Loading more stories…";
