import { type ComponentProps, useState } from "react";
import { flushSync } from "react-dom";
import { LOAD_MORE_BUSY_LABEL, LOAD_MORE_LABEL } from "@/features/feed/load-more-labels";
import { LOAD_MORE_REPLAY, PRELOAD_ATTRIBUTE, REPLAY_ATTRIBUTE } from "@/shared/prerender-contract";

/**
 * Resolves once the browser has painted what is on screen now: after the next frame, or after
 * 100 ms where no frame comes (a tab in the background draws none).
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}

type LoadMoreButtonProps = {
  /** Fetches what the press needs (if it is not here yet) and shows it. */
  onLoad: () => Promise<void>;
  /** The feed is waiting for the next page (fetching, or held until the connection is back). */
  waiting: boolean;
  /** Held by the query client until the connection is back. */
  paused: boolean;
  failed: boolean;
  /** The API file the next press needs, when it is not fetched yet (for the start-up script). */
  preload: string | null;
} & Pick<ComponentProps<"button">, "onPointerEnter" | "onFocus">;

/**
 * Load more answers a press in the next frame, even when the stories are already here: at 4×
 * slower CPU, drawing ten cards takes 150–250 ms, so the button says it is busy first, that
 * change is painted, and only then do the cards render. Its own component, so that painting
 * the busy state re-renders the button alone, not the list above it.
 */
export function LoadMoreButton({
  onLoad,
  waiting,
  paused,
  failed,
  preload,
  ...handlers
}: LoadMoreButtonProps) {
  const [pressed, setPressed] = useState(false);
  const busy = pressed || waiting;

  const press = async () => {
    if (busy) return;
    flushSync(() => setPressed(true));
    await afterNextPaint();
    try {
      await onLoad();
    } finally {
      // In the same task as the feed's commit of the new stories: no frame shows both.
      flushSync(() => setPressed(false));
    }
  };

  return (
    <button
      type="button"
      onClick={press}
      {...handlers}
      {...{
        [REPLAY_ATTRIBUTE]: LOAD_MORE_REPLAY,
        [PRELOAD_ATTRIBUTE]: preload ?? undefined,
      }}
      // Absent when pressable: "not disabled" is noise to a screen reader.
      aria-disabled={busy || undefined}
      className="button-primary"
    >
      {busy
        ? // Offline, the query client holds the request until the connection is back.
          paused && waiting
          ? "Waiting for the connection…"
          : LOAD_MORE_BUSY_LABEL
        : failed
          ? "Try again"
          : LOAD_MORE_LABEL}
    </button>
  );
}
