import { useSyncExternalStore } from "react";
import { TEXT_SIZES } from "@/features/text-size/text-size";
import {
  getServerTextSize,
  getTextSize,
  setTextSize,
  subscribeTextSize,
} from "@/features/text-size/text-size-store";
import { REPLAY_ATTRIBUTE } from "@/shared/prerender-contract";

/**
 * Four toggle buttons in a fieldset labelled "Text size": each is its own Tab stop and says whether it is
 * pressed. The visible label ("LG") starts the accessible name, so voice control users can
 * say what they see; the spoken word and the place among the four follow ("LG large, 4 of 4"),
 * since toggle buttons, unlike radios, are not counted by screen readers. In forced colours (Windows High
 * Contrast) the accent fill would be replaced by the page colour, so the chosen size takes the
 * system highlight instead.
 */
export function TextSizeControl() {
  const current = useSyncExternalStore(subscribeTextSize, getTextSize, getServerTextSize);
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="float-start me-1 text-sm text-[var(--color-muted)]">Text size</legend>
      {TEXT_SIZES.map((size, index) => (
        <button
          key={size.value}
          type="button"
          aria-pressed={current === size.value}
          onClick={() => setTextSize(size.value)}
          {...{ [REPLAY_ATTRIBUTE]: `text-size-${size.value}` }}
          className="min-h-11 min-w-11 rounded border border-[var(--color-control-border)] px-2 text-sm font-semibold aria-pressed:border-[var(--color-accent)] aria-pressed:bg-[var(--color-accent)] aria-pressed:text-[var(--color-on-accent)] forced-colors:aria-pressed:bg-[Highlight] forced-colors:aria-pressed:text-[HighlightText] forced-colors:aria-pressed:forced-color-adjust-none"
        >
          {size.label}{" "}
          <span className="sr-only">{`${size.name}, ${index + 1} of ${TEXT_SIZES.length}`}</span>
        </button>
      ))}
    </fieldset>
  );
}
