import { useState } from "react";
import { useHydrated } from "@/shared/use-hydrated";
import { withBase } from "@/shared/with-base";

type Props = { path: string; title: string };

/**
 * Shares the story: the system share sheet where the browser has the Web Share API (phones),
 * otherwise the story's address goes to the clipboard and a status message says so. It needs
 * script, so it appears only once the app runs; the prerendered page has no dead button.
 */
export function ShareButton({ path, title }: Props) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState("");
  if (!hydrated) return null;

  const share = async () => {
    // This origin's address of the story (a mirror's own, under its base path).
    const url = new URL(withBase(path), window.location.origin).href;
    setMessage("");
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, url });
      } catch (error) {
        // The reader closed the share sheet: nothing to say. Anything else falls through.
        if (error instanceof DOMException && error.name === "AbortError") return;
        await copy(url);
      }
      return;
    }
    await copy(url);
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage("Link copied");
    } catch {
      // No clipboard (denied, insecure origin): give the address to copy by hand.
      setMessage(`Copy this link: ${url}`);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 print:hidden">
      <button type="button" onClick={share} className="chip">
        Share this story
      </button>
      <p role="status" className="text-[0.875em]">
        {message}
      </p>
    </div>
  );
}
