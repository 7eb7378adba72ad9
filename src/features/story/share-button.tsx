import { useState } from "react";
import { REPLAY_ATTRIBUTE, SHARE_REPLAY } from "@/shared/prerender-contract";
import { withBase } from "@/shared/with-base";

type Props = { path: string; title: string };

/**
 * Shares the story: the system share sheet where the browser has the Web Share API (phones),
 * otherwise the story's address goes to the clipboard and a status message says so. It is in
 * the prerendered page: pressed before the app runs, the start-up script loads the app, which
 * presses it again (`data-replay`); without script it is hidden (story-body.css).
 */
export function ShareButton({ path, title }: Props) {
  const [message, setMessage] = useState("");

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
    <div className="story-action print:hidden">
      <button
        type="button"
        onClick={share}
        className="chip"
        {...{ [REPLAY_ATTRIBUTE]: SHARE_REPLAY }}
      >
        Share this story
      </button>
      <p role="status" className="text-[0.875em]">
        {message}
      </p>
    </div>
  );
}
