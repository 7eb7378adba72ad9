/**
 * Names shared by the prerender step (scripts/prerender), the inline start-up script
 * (src/start-up) and the client entry: where the dehydrated query cache sits in the page, how a
 * button says what it does before the app is ready, and how the start-up script hands the page
 * over to the app.
 */
export const PRERENDER_STATE_ID = "dispatch-state";
export const REPLAY_ATTRIBUTE = "data-replay";
/** `data-replay` of Load more: pressed before the app is ready, it is pressed again after. */
export const LOAD_MORE_REPLAY = "load-more";
/**
 * On Load more: the API file its next press needs, when that file is not fetched yet. The
 * start-up script asks for it at the press, so the stories download while the app does.
 */
export const PRELOAD_ATTRIBUTE = "data-preload";
/**
 * On the offline page (served by the service worker for a page it has no copy of): the
 * start-up script does not start the app there, and reloads the page when the connection is back.
 */
export const OFFLINE_PAGE_ATTRIBUTE = "data-offline-page";
/** `data-replay` of the header's Data saver switch: the start-up script turns the mode on or off. */
export const DATA_SAVER_REPLAY = "data-saver";
/** `data-replay` of a photo's "Show photo" button in data saver mode: the start-up script shows it. */
export const SHOW_PHOTO_REPLAY = "show-photo";
/** On a figure: its photo is shown in data saver mode (pressed "Show photo"). */
export const PHOTO_SHOWN_ATTRIBUTE = "data-photo-shown";
/**
 * `data-replay` of a story's "Share this story" and "Save for offline": pressed before the app is
 * ready (in data saver mode the app loads only for such a press), they are pressed again after.
 */
export const SHARE_REPLAY = "share";
export const SAVE_FOR_OFFLINE_REPLAY = "save-for-offline";
/** `data-replay` of a text-size button is this prefix and the size: `text-size-lg`. */
export const TEXT_SIZE_REPLAY_PREFIX = "text-size-";

/** What the start-up script offers the app (on `window`, the only place both can reach). */
export type StartUp = {
  /**
   * Called by the app just before it renders: the start-up script stops answering presses,
   * puts back the prerendered state of a button it showed busy (so hydration finds the HTML
   * it rendered) and returns the `data-replay` name of the button the reader pressed early.
   */
  handOver(): string | undefined;
};

declare global {
  interface Window {
    dispatchStartUp?: StartUp;
  }
}
