import { setDataSaver } from "@/shared/data-saver";
import { litePath, siteHref } from "@/shared/lite-paths";
import { DATA_SAVER_REPLAY, REPLAY_ATTRIBUTE } from "@/shared/prerender-contract";
import { useDataSaver } from "@/shared/use-data-saver";

/**
 * The header's "Data saver" switch (src/shared/data-saver.ts says what the mode does). Both
 * forms are in the page and the stylesheet shows one from the first paint, so nothing moves:
 * with script (`@media (scripting: enabled)`) a switch, which the start-up script already
 * answers before the app has loaded; without it, or where the browser does not know that media
 * feature, a link to the lite front page, which saves the data itself.
 *
 * `place`: the header shows it in its top bar where that has room, and at the end of the Topics
 * menu on a phone (data-saver.css says why), so it is rendered in both and shown in one.
 */
export function DataSaverSwitch({ place }: { place: "bar" | "menu" }) {
  const on = useDataSaver();
  return (
    <div className={`data-saver data-saver-${place}`}>
      <a href={siteHref(litePath.front())} className="data-saver-link">
        Data saver
      </a>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        onClick={() => setDataSaver(!on)}
        {...{ [REPLAY_ATTRIBUTE]: DATA_SAVER_REPLAY }}
        className="data-saver-switch"
      >
        Data saver
      </button>
    </div>
  );
}
