import { useEffect, useRef, useState } from "react";
import {
  isStorySaved,
  photosShownIn,
  removeSavedStory,
  StorageRefusedError,
  saveStory,
} from "@/shared/offline-storage";
import { useHydrated } from "@/shared/use-hydrated";

type Saved = "unknown" | "yes" | "no";

/**
 * "Save for offline": keeps the story's page, data and photos on this device until the reader
 * removes it (on this button or the Saved page). A toggle: its name stays the same and
 * `aria-pressed` says whether the story is saved. Like Share, it needs script, so it appears
 * once the app runs.
 */
export function SaveForOffline({ id }: { id: string }) {
  const hydrated = useHydrated();
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

  if (!hydrated) return null;

  const toggle = async () => {
    if (busy || saved === "unknown") return;
    setBusy(true);
    setMessage("");
    try {
      if (saved === "yes") {
        await removeSavedStory(id);
        setSaved("no");
        setMessage("Removed from your saved stories.");
      } else {
        const article = button.current?.closest("article");
        await saveStory(id, article ? await photosShownIn(article) : []);
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
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 print:hidden">
      <button
        ref={button}
        type="button"
        className="chip"
        aria-pressed={saved === "yes"}
        aria-disabled={busy || saved === "unknown" || undefined}
        onClick={toggle}
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
