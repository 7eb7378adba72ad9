import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

/** How long typing pauses before the results follow it. */
const TYPING_PAUSE_MS = 300;

/**
 * The search page's words and topic, kept in the address (`/search?q=…&topic=…`): the address
 * is the source of truth (shared, reloaded, Back), updated as the reader types (replaced, not
 * pushed). Before hydration it reads as no search, as the prerendered page was built, so
 * hydration matches. `text` is what the box shows, which runs ahead of `query` while the reader
 * types.
 */
export function useSearchAddress(hydrated: boolean) {
  const [params, setParams] = useSearchParams();
  const query = hydrated ? (params.get("q") ?? "").trim() : "";
  const topicSlug = hydrated ? (params.get("topic") ?? "") : "";
  const [text, setText] = useState(query);

  // The address changed without typing (the first render after hydration, Back, a link):
  // the box shows its words.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setText(params.get("q") ?? "");
    typed.current = false;
  }, [params]);

  const setAddress = (words: string, slug: string) => {
    typed.current = true;
    setParams(
      () => {
        const next = new URLSearchParams();
        if (words.trim()) next.set("q", words.trim());
        if (slug) next.set("topic", slug);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };

  // Results follow the words once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: setAddress is new each render; the values it reads are listed
  useEffect(() => {
    if (text.trim() === query || !hydrated) return;
    const timer = window.setTimeout(() => setAddress(text, topicSlug), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query, topicSlug, hydrated]);

  return {
    query,
    topicSlug,
    text,
    setText,
    /** Enter or the Search button: the box's words now, without waiting for the pause. */
    submit: () => setAddress(text, topicSlug),
    /** The topic filter ("" for every topic), with the box's words as they are. */
    setTopic: (slug: string) => setAddress(text, slug),
  };
}
