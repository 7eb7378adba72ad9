import { LOAD_MORE_BUSY_LABEL } from "@/features/feed/load-more-labels";
import { parsePageParam } from "@/features/feed/page-param";
import { parseTextSize } from "@/features/text-size/text-size";
import { applyTextSize, getTextSize } from "@/features/text-size/text-size-store";
import { applyDataSaver, isDataSaverOn, liteLinksIn, releasePhotos } from "@/shared/data-saver";
import { SAVED_PATH } from "@/shared/offline-storage";
import { preload } from "@/shared/preload";
import {
  DATA_SAVER_REPLAY,
  LOAD_MORE_REPLAY,
  OFFLINE_PAGE_ATTRIBUTE,
  PHOTO_SHOWN_ATTRIBUTE,
  PRELOAD_ATTRIBUTE,
  REPLAY_ATTRIBUTE,
  SAVE_FOR_OFFLINE_REPLAY,
  SHARE_REPLAY,
  SHOW_PHOTO_REPLAY,
  TEXT_SIZE_REPLAY_PREFIX,
} from "@/shared/prerender-contract";
import { sitePathOf } from "@/shared/with-base";

/**
 * Compiled into the inline script at the end of every prerendered page
 * (scripts/bundle/start-up-scripts.ts). The page is readable as HTML alone; this script makes
 * the first press answer at once and decides when the app's code loads:
 *
 * - Text size is done here, whole: a press applies and stores the size and marks the button
 *   pressed, within the frame, whether or not the app ever loads. The app reads the size back
 *   from <html>, so it adopts the choice.
 * - Load more shows the app's busy state at once; the app presses it again when it takes over,
 *   and so it does Share and Save for offline, which this script cannot do.
 * - The app's code loads once the page has loaded, settled and the browser is idle, or at the
 *   first sign of the reader (pointer, touch, key, focus, wheel), whichever comes first: by the
 *   time a reader presses something it is usually there, and it never competes with the page
 *   load. Its requests go out one per task, after the event that asked for them: on a slow
 *   phone each costs the main thread 3–10 ms (seven of them 25–45 ms at 4× CPU), and made
 *   inside the first touch they held up that very press (a tap on LG or Load more waited for
 *   them before its click ran). Between tasks the browser handles input first.
 * - In data saver mode (src/shared/data-saver.ts) the app's code loads only for a press on
 *   something that needs it (Load more, a button this script does not answer itself), never
 *   by itself or at a pointer's move: the Data saver switch and "Show photo" are answered here,
 *   like the text size, and links work as links. Turning the mode off loads the app.
 * - A `?page=N` address (N > 1) shows more than the prerendered HTML holds, so the app starts
 *   at once to render N pages and let the router restore the scroll position.
 */

export type StartUpOptions = {
  /** The app's entry module (hashed file name from the client build). */
  entry: string;
  /** The modules the entry imports, fetched beside it rather than after it. */
  imports?: string[];
  /**
   * The page code of each kind of address (the router loads it lazily, per route): a path
   * ending in "/" matches the addresses under it, any other only itself; the first match wins.
   * The page's own code is fetched beside the entry: asked for only once the entry has run,
   * it cost a phone one more round trip (about 200 ms) before the app could take over.
   */
  routeImports?: [path: string, modules: string[]][];
  /**
   * How long after `load` the page is left alone, in ms, before the app loads at the next idle
   * moment. Starting the app costs the main thread a few hundred ms on a slow phone; right
   * after `load` that landed inside the page load's own measure (Lighthouse's Total Blocking
   * Time went from ~35 ms to 300–2,000 ms on mobile). A few seconds in, the reader is reading.
   */
  settleTime?: number;
  /** Longest wait for an idle moment after that, in ms, before the app loads anyway. */
  idleTimeout?: number;
  /** Stops every listener (the page never does; tests start afresh). */
  signal?: AbortSignal;
};

/** The buttons the app presses again when the reader pressed them before it was there. */
const REPLAYED_BY_APP = [LOAD_MORE_REPLAY, SHARE_REPLAY, SAVE_FOR_OFFLINE_REPLAY];

const INTERACTIONS = ["pointerdown", "pointermove", "touchstart", "keydown", "focusin", "wheel"];

export function routeImportsFor(
  pathname: string,
  routeImports: [path: string, modules: string[]][],
): string[] {
  const match = routeImports.find(([path]) =>
    path.endsWith("/") ? pathname.startsWith(path) : pathname === path,
  );
  return match?.[1] ?? [];
}

export function startUp({
  entry,
  imports = [],
  routeImports = [],
  settleTime = 3000,
  idleTimeout = 2000,
  signal,
}: StartUpOptions): void {
  let handedOver = false;
  /** The app is on its way: its requests are going out or gone. */
  let loading = false;
  /**
   * The button pressed before the app was there that the app presses again (Load more, Share,
   * Save for offline), shown at work until then (`aria-disabled`, and Load more's busy label),
   * with what it showed before.
   */
  let pressedEarly:
    | { name: string; button: Element; children: Node[]; ariaDisabled: string | null }
    | undefined;

  const textSizeButtons = () =>
    document.querySelectorAll(`[${REPLAY_ATTRIBUTE}^="${TEXT_SIZE_REPLAY_PREFIX}"]`);

  // The buttons were prerendered with MD pressed and data saver off; show what the head
  // script applied.
  const showPressed = () => {
    const current = TEXT_SIZE_REPLAY_PREFIX + getTextSize();
    for (const button of textSizeButtons()) {
      button.setAttribute(
        "aria-pressed",
        String(button.getAttribute(REPLAY_ATTRIBUTE) === current),
      );
    }
    for (const toggle of document.querySelectorAll(
      `[${REPLAY_ATTRIBUTE}="${DATA_SAVER_REPLAY}"]`,
    )) {
      toggle.setAttribute("aria-checked", String(isDataSaverOn()));
    }
  };

  /** Puts back what the early press changed, so hydration finds the HTML the app rendered. */
  const undoPressedEarly = () => {
    if (!pressedEarly) return;
    const { button, children, ariaDisabled } = pressedEarly;
    button.replaceChildren(...children);
    if (ariaDisabled === null) button.removeAttribute("aria-disabled");
    else button.setAttribute("aria-disabled", ariaDisabled);
    pressedEarly = undefined;
  };

  // The page the service worker shows offline in place of one it has no copy of: the app
  // would only wait there for the connection, or fail. The page asked for loads once the
  // connection is back, which is what the page promises.
  const offlinePage = document.querySelector(`[${OFFLINE_PAGE_ATTRIBUTE}]`) !== null;
  if (offlinePage) addEventListener("online", () => location.reload(), { once: true, signal });

  const appendEntry = () => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = entry;
    // Blocked or failed: the page stays as it was (Load more, Share or Save no longer busy),
    // and the next interaction tries again.
    script.onerror = () => {
      script.remove();
      loading = false;
      undoPressedEarly();
    };
    document.head.append(script);
  };

  // The reader's signs of life (below), listened to until the app is on its way.
  const signs = new AbortController();
  signal?.addEventListener("abort", () => signs.abort(), { once: true });

  const loadApp = () => {
    if (loading || handedOver || offlinePage || signal?.aborted) return;
    loading = true;
    signs.abort();
    // The modules the entry imports and this page's code, fetched beside the entry rather
    // than a round trip after it, then the entry.
    const requests = [
      ...[...imports, ...routeImportsFor(sitePathOf(location.pathname), routeImports)].map(
        (module) => () => preload(module, "modulepreload"),
      ),
      appendEntry,
    ];
    const next = () => {
      if (signal?.aborted) return;
      requests.shift()?.();
      if (requests.length > 0) setTimeout(next);
    };
    setTimeout(next);
  };

  const onClick = (event: Event) => {
    if (handedOver || !(event.target instanceof Element)) return;
    const button = event.target.closest(`[${REPLAY_ATTRIBUTE}]`);
    const name = button?.getAttribute(REPLAY_ATTRIBUTE);
    if (!button || !name) {
      // Data saver: a link works as a link; a button nobody here answers needs the app.
      if (!isDataSaverOn() || event.target.closest("button")) loadApp();
      return;
    }
    event.preventDefault();
    const size = parseTextSize(name.slice(TEXT_SIZE_REPLAY_PREFIX.length));
    if (name.startsWith(TEXT_SIZE_REPLAY_PREFIX) && size) {
      applyTextSize(size);
      showPressed();
      if (isDataSaverOn()) return;
    } else if (name === DATA_SAVER_REPLAY) {
      const on = !isDataSaverOn();
      applyDataSaver(on);
      liteLinksIn(document.documentElement, on);
      if (!on) releasePhotos(document.documentElement);
      showPressed();
      if (on) return;
    } else if (name === SHOW_PHOTO_REPLAY) {
      const figure = button.closest("figure");
      figure?.setAttribute(PHOTO_SHOWN_ATTRIBUTE, "");
      if (figure) releasePhotos(figure);
      if (figure instanceof HTMLElement) figure.focus();
      if (isDataSaverOn()) return;
    } else if (REPLAYED_BY_APP.includes(name) && !pressedEarly) {
      pressedEarly = {
        name,
        button,
        children: [...button.childNodes],
        ariaDisabled: button.getAttribute("aria-disabled"),
      };
      button.setAttribute("aria-disabled", "true");
      if (name === LOAD_MORE_REPLAY) {
        button.textContent = LOAD_MORE_BUSY_LABEL;
        // The stories the press asks for load while the app does.
        const next = button.getAttribute(PRELOAD_ATTRIBUTE);
        if (next) preload(next, "preload");
      }
    }
    loadApp();
  };

  // A sign of the reader loads the app, except in data saver mode, and except on the Data
  // saver switch itself: a reader turning the mode on would otherwise start the very download
  // the switch is there to avoid.
  const onInteraction = (event: Event) => {
    if (isDataSaverOn()) return;
    if (
      event.target instanceof Element &&
      event.target.closest(`[${REPLAY_ATTRIBUTE}="${DATA_SAVER_REPLAY}"]`)
    )
      return;
    loadApp();
  };

  showPressed();
  document.addEventListener("click", onClick, { capture: true, signal });
  for (const name of INTERACTIONS) {
    addEventListener(name, onInteraction, { capture: true, passive: true, signal: signs.signal });
  }

  window.dispatchStartUp = {
    handOver() {
      handedOver = true;
      document.removeEventListener("click", onClick, true);
      const pressed = pressedEarly?.name;
      undoPressedEarly();
      return pressed;
    },
  };

  // The search page's results and the Saved page's list are drawn by the app: it starts at
  // once there, no reason to make the reader wait for them.
  const here = sitePathOf(location.pathname);
  if (here === "/search" || here === SAVED_PATH) {
    loadApp();
    return;
  }
  if (parsePageParam(new URLSearchParams(location.search).get("page")) > 1) {
    // The app renders the N pages and React Router puts the reader back where they were; the
    // browser, left to itself, would restore the position again at `load`, after the reader
    // may have scrolled on.
    history.scrollRestoration = "manual";
    loadApp();
    return;
  }
  const whenIdle = () =>
    setTimeout(() => {
      const loadUnlessSaving = () => {
        if (!isDataSaverOn()) loadApp();
      };
      if ("requestIdleCallback" in window) {
        requestIdleCallback(loadUnlessSaving, { timeout: idleTimeout });
      } else loadUnlessSaving();
    }, settleTime);
  if (document.readyState === "complete") whenIdle();
  else addEventListener("load", whenIdle, { once: true, signal });
}
