import { useEffect, useState } from "react";
import { textDirection } from "@/content/text-direction";
import { Link } from "@/shared/link";
import {
  removeSavedStory,
  SAVED_PATH,
  type SavedStory,
  savedStories,
} from "@/shared/offline-storage";
import { OFFLINE_PAGE_ATTRIBUTE } from "@/shared/prerender-contract";

/**
 * The page the service worker answers with when the reader is offline and the page they asked
 * for was neither opened before nor saved. It is prerendered as plain HTML (offline.html) and
 * works without the app, which the start-up script does not start here (src/start-up): it
 * reloads the page the reader asked for once the connection is back.
 */
export function OfflinePage() {
  return (
    <div className="reading-text" {...{ [OFFLINE_PAGE_ATTRIBUTE]: "" }}>
      <title>Not available offline — Dispatch</title>
      <meta name="description" content="This page was not saved on this device." />
      <h1 tabIndex={-1} className="page-heading">
        This page is not available offline
      </h1>
      <p className="mt-4">
        You are offline, and this page was not opened or saved on this device. It loads by itself
        when you are back online.
      </p>
      <p className="mt-4">
        The stories you have opened before and the ones you saved read without a connection.
      </p>
      <p className="mt-6">
        <Link to={SAVED_PATH} className="button-primary">
          Read your saved stories
        </Link>
      </p>
    </div>
  );
}

type Listed = { state: "loading" } | { state: "ready"; stories: SavedStory[] };

/**
 * The stories the reader saved for offline reading, newest first, each with a Remove button.
 * They live in the browser's Cache Storage, so the list is drawn once the app runs; the
 * prerendered page (precached by the service worker) says so until then.
 */
export function SavedPage() {
  const [listed, setListed] = useState<Listed>({ state: "loading" });
  const [message, setMessage] = useState("");

  useEffect(() => {
    let current = true;
    savedStories().then(
      (stories) => current && setListed({ state: "ready", stories }),
      () => current && setListed({ state: "ready", stories: [] }),
    );
    return () => {
      current = false;
    };
  }, []);

  const remove = async (story: SavedStory) => {
    try {
      await removeSavedStory(story.id);
      setListed((shown) =>
        shown.state === "ready"
          ? { state: "ready", stories: shown.stories.filter((s) => s.id !== story.id) }
          : shown,
      );
      setMessage(`Removed “${story.headline}”.`);
    } catch {
      setMessage(`“${story.headline}” could not be removed. Try again.`);
    }
  };

  return (
    <div className="reading-text">
      <title>Saved stories — Dispatch</title>
      <meta name="description" content="The stories you saved to read without a connection." />
      <h1 tabIndex={-1} className="page-heading">
        Saved stories
      </h1>
      <p className="mt-4">
        Stories you save with “Save for offline” stay on this device and read without a connection.
      </p>
      {listed.state === "loading" ? (
        // Also what the prerendered page says: the list is read from this browser's storage.
        <p className="mt-6 text-[var(--color-muted)]">
          Your saved stories show here once the page has loaded.
        </p>
      ) : listed.stories.length === 0 ? (
        <p className="mt-6">
          No saved stories yet. Open a story and press “Save for offline” to keep it here.
        </p>
      ) : (
        <ul aria-label="Your saved stories" className="mt-6 divide-y divide-[var(--color-rule)]">
          {listed.stories.map((story) => (
            <li key={story.id} className="grid gap-2 py-4">
              <h2
                lang={story.lang}
                dir={textDirection(story.lang)}
                className="story-card-headline text-[1.25em] font-bold leading-snug"
              >
                <Link to={`/stories/${story.id}`}>{story.headline}</Link>
              </h2>
              <p lang={story.lang} dir={textDirection(story.lang)}>
                {story.summary}
              </p>
              <p>
                <button type="button" className="chip" onClick={() => remove(story)}>
                  Remove<span className="sr-only"> “{story.headline}” from saved stories</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-4">
        {message}
      </p>
    </div>
  );
}
