import { onlineManager } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

/** Long enough to read, short enough not to linger once nothing is wrong. */
const BACK_ONLINE_SHOWN_MS = 5_000;

const OFFLINE_MESSAGE =
  "You are offline. Pages you have already opened stay readable; anything new loads when you are back online.";
const BACK_ONLINE_MESSAGE = "You are back online.";

const subscribe = (listener: () => void) => onlineManager.subscribe(listener);
const isOnline = () => onlineManager.isOnline();
const assumeOnline = () => true;

/**
 * Says when the connection drops and when it returns. It follows TanStack Query's own online
 * state, which is also what pauses requests and retries while offline, so the banner and the
 * requests never disagree. The live region is always in the page (empty when there is nothing
 * to say) so screen readers announce the change. It is a polite live region rather than
 * role="status": the page's one status message stays the feed's Load more announcement.
 */
export function ConnectionStatus() {
  const online = useSyncExternalStore(subscribe, isOnline, assumeOnline);
  const [backOnline, setBackOnline] = useState(false);
  const wasOffline = useRef(false);

  useEffect(() => {
    if (!online) {
      wasOffline.current = true;
      setBackOnline(false);
      return;
    }
    if (!wasOffline.current) return;
    wasOffline.current = false;
    setBackOnline(true);
    const timer = setTimeout(() => setBackOnline(false), BACK_ONLINE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [online]);

  const message = !online ? OFFLINE_MESSAGE : backOnline ? BACK_ONLINE_MESSAGE : "";
  return (
    <div
      aria-live="polite"
      aria-atomic="true"
      className={
        message ? "border-b border-[var(--color-rule)] bg-[var(--color-placeholder)]" : "sr-only"
      }
    >
      <p className={message ? "page-frame py-2 font-semibold" : undefined}>{message}</p>
    </div>
  );
}
