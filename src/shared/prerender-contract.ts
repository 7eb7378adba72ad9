/**
 * Names shared by the prerender step (scripts/prerender) and the client entry: where the
 * dehydrated query cache sits in the page, and how a button asks to be replayed when it is
 * pressed before the app is ready.
 */
export const PRERENDER_STATE_ID = "dispatch-state";
export const REPLAY_ATTRIBUTE = "data-replay";
