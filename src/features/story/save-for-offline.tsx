import { useEffect, useRef, useState } from "react";
import {
  isStorySaved,
  photosShownIn,
  removeSavedStory,
  StorageRefusedError,
  saveStory,
} from "@/shared/offline-storage";
import { REPLAY_ATTRIBUTE, SAVE_FOR_OFFLINE_REPLAY } from "@/shared/prerender-contract";

type Saved = "unknown" | "yes" | "no";

/**
 * "Save for offline": keeps the story's page, data and photos on this device until the reader
 * removes it (on this button or the Saved page). A toggle: its name stays the same and
 * `aria-pressed` says whether the story is saved, once that is known. Like Share, it is in the
 * prerendered page, and a press before the app runs is made again by the app (share-button.tsx).
 */
export function SaveForOffline({ id }: { id: string }) {
  const [saved, setSaved] = useState<Saved>("unknown");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    setSaved("unknown");
    setMessage("");
    isStorySaved(id).then(
      (yes) => current && setSaved(yes ? "yes" : "no"),
      () => current && setSaved("no"),
    );
    return () => {
      current = false;
    };
  }, [id]);

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setMessage("");
    try {
      if (saved === "yes") {
        await removeSavedStory(id);
        setSaved("no");
        setMessage("Removed from your saved stories.");
      } else {
        // Pressed before the story's state was known (the app pressing it again as it starts,
        // for a press on the prerendered page, which showed no state): the press saves, unless
        // the story is saved already.
        if (saved === "no" || !(await isStorySaved(id).catch(() => false))) {
          const article = button.current?.closest("article");
          await saveStory(id, article ? await photosShownIn(article) : []);
        }
        setSaved("yes");
        setMessage("Saved. It reads without a connection, from your Saved page.");
      }
    } catch (error) {
      setMessage(
        error instanceof StorageRefusedError
          ? `Not saved. ${error.message} Nothing else was changed.`
          : "Not saved: the story could not be fetched. Check your connection and try again.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="story-action print:hidden">
      <button
        ref={button}
        type="button"
        className="chip"
        aria-pressed={saved === "unknown" ? undefined : saved === "yes"}
        aria-disabled={busy || undefined}
        onClick={toggle}
        {...{ [REPLAY_ATTRIBUTE]: SAVE_FOR_OFFLINE_REPLAY }}
      >
        {saved === "yes" ? <span aria-hidden="true">✓&nbsp;</span> : null}
        Save for offline
      </button>
      <p role="status" className="text-[0.875em]">
        {message}
      </p>
    </div>
  );
}
