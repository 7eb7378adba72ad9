import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEXT_SIZE_STORAGE_KEY } from "@/features/text-size/text-size";
import { routeImportsFor, startUp } from "@/start-up/start-up";

/**
 * The start-up script on a prerendered page (the markup below is what the app prerenders:
 * the text-size buttons with MD pressed and Load more), before the app has loaded.
 */

const ENTRY = "/assets/index-test.js";
let stop: AbortController;

const NEXT_ARCHIVE_PAGE = "/archive/breaking-news/5.json";

function prerenderedPage() {
  document.body.innerHTML = `
    <fieldset><legend>Text size</legend>
      ${["xs", "sm", "md", "lg"]
        .map(
          (size) =>
            `<button type="button" aria-pressed="${size === "md"}" data-replay="text-size-${size}">${size.toUpperCase()}</button>`,
        )
        .join("")}
    </fieldset>
    <button type="button" data-replay="load-more" data-preload="${NEXT_ARCHIVE_PAGE}" aria-disabled="false" class="button-primary">Load more</button>
    <a href="/stories/one">A story</a>
    <button type="button" role="switch" aria-checked="false" data-replay="data-saver">Data saver</button>
    <figure data-later tabindex="-1"><picture><img data-held-srcset="/images/a-320.jpg 320w" alt="A"></picture>
      <button type="button" data-replay="show-photo">Show photo</button></figure>
    <button type="button" class="chip" data-replay="share">Share this story</button>
    <button type="button" class="chip" data-replay="save-for-offline">Save for offline</button>`;
}

const appScripts = () => document.head.querySelectorAll<HTMLScriptElement>("script[src]");
const button = (replay: string) =>
  document.querySelector(`[data-replay="${replay}"]`) as HTMLButtonElement;
const pressed = () =>
  [...document.querySelectorAll("[aria-pressed=true]")].map((b) => b.textContent);

/** As the build lists them: each kind of address with its page's code. */
const ROUTE_IMPORTS: [string, string[]][] = [
  ["/stories/", ["/assets/story-page-test.js", "/assets/story-time-test.js"]],
  ["/search", ["/assets/search-page-test.js"]],
  ["/", ["/assets/feed-routes-test.js", "/assets/story-time-test.js"]],
];

function start(url = "/") {
  history.replaceState(null, "", url);
  stop = new AbortController();
  startUp({
    entry: ENTRY,
    imports: ["/assets/react-test.js"],
    routeImports: ROUTE_IMPORTS,
    signal: stop.signal,
  });
}

const preloads = () =>
  [...document.head.querySelectorAll("link")].map((link) => [link.rel, link.getAttribute("href")]);

/** Lets the tasks run that send the app's requests (one each), well before the 3 s settle time. */
const sendRequests = () => vi.advanceTimersByTime(100);

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  delete document.documentElement.dataset.textSize;
  document.documentElement.removeAttribute("data-data-saver");
  document.head.replaceChildren();
  prerenderedPage();
});
afterEach(() => {
  stop.abort();
  delete window.dispatchStartUp;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("before the app has loaded", () => {
  it("marks the size the head script applied as pressed", () => {
    document.documentElement.dataset.textSize = "lg";
    start();
    expect(pressed()).toEqual(["LG"]);
  });

  it("applies, stores and marks a text size at once, and starts loading the app", () => {
    start();
    button("text-size-lg").click();
    expect(document.documentElement.dataset.textSize).toBe("lg");
    expect(localStorage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe("lg");
    expect(pressed()).toEqual(["LG"]);
    button("text-size-md").click();
    expect(document.documentElement).not.toHaveAttribute("data-text-size");
    expect(pressed()).toEqual(["MD"]);
    sendRequests();
    expect(appScripts()).toHaveLength(1);
    expect(appScripts()[0]).toHaveAttribute("type", "module");
    expect(appScripts()[0]).toHaveAttribute("src", ENTRY);
    // The entry's own imports and this page's code are fetched beside it, not a round trip
    // (or two) later.
    expect(preloads()).toEqual([
      ["modulepreload", "/assets/react-test.js"],
      ["modulepreload", "/assets/feed-routes-test.js"],
      ["modulepreload", "/assets/story-time-test.js"],
    ]);
  });

  it("picks each address's page code: under a folder, or exactly the path", () => {
    expect(routeImportsFor("/stories/tea-saffron", ROUTE_IMPORTS)).toEqual([
      "/assets/story-page-test.js",
      "/assets/story-time-test.js",
    ]);
    expect(routeImportsFor("/search", ROUTE_IMPORTS)).toEqual(["/assets/search-page-test.js"]);
    // Not a search page: only the catch-all matches (the router shows it "Page not found").
    expect(routeImportsFor("/searching", ROUTE_IMPORTS)).toEqual([
      "/assets/feed-routes-test.js",
      "/assets/story-time-test.js",
    ]);
    expect(routeImportsFor("/stories", [["/stories/", ["/a.js"]]])).toEqual([]);
  });

  it("keeps a text-size press working when storage refuses it", () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    start();
    button("text-size-sm").click();
    expect(document.documentElement.dataset.textSize).toBe("sm");
    expect(pressed()).toEqual(["SM"]);
  });

  it("shows Load more busy at once, once, and hands the press and the prerendered button to the app", () => {
    start();
    const loadMore = button("load-more");
    const label = loadMore.firstChild;
    loadMore.click();
    expect(loadMore).toHaveTextContent(/^Loading more stories…$/);
    expect(loadMore).toHaveAttribute("aria-disabled", "true");
    loadMore.click();
    expect(loadMore).toHaveTextContent(/^Loading more stories…$/);

    expect(window.dispatchStartUp?.handOver()).toBe("load-more");
    // Exactly the prerendered nodes, so hydration finds the HTML it rendered.
    expect(loadMore.firstChild).toBe(label);
    expect(loadMore).toHaveTextContent(/^Load more$/);
    expect(loadMore).toHaveAttribute("aria-disabled", "false");
  });

  it("a Load more press fetches the stories it asks for while the app loads", () => {
    start();
    button("load-more").click();
    expect(preloads()).toContainEqual(["preload", NEXT_ARCHIVE_PAGE]);
    const link = document.head.querySelector('link[rel="preload"]') as HTMLLinkElement;
    expect(link.as).toBe("fetch");
    expect(link.crossOrigin).toBe("anonymous");
  });

  it("after the hand-over it leaves every press to the app", () => {
    start();
    expect(window.dispatchStartUp?.handOver()).toBeUndefined();
    button("text-size-lg").click();
    button("load-more").click();
    sendRequests();
    expect(document.documentElement).not.toHaveAttribute("data-text-size");
    expect(pressed()).toEqual(["MD"]);
    expect(button("load-more")).toHaveTextContent(/^Load more$/);
    expect(appScripts()).toHaveLength(0);
  });

  it("when the app's code fails, Load more is pressable again and the next press retries", () => {
    start();
    button("load-more").click();
    sendRequests();
    appScripts()[0]?.dispatchEvent(new Event("error"));
    expect(appScripts()).toHaveLength(0);
    expect(button("load-more")).toHaveTextContent(/^Load more$/);
    expect(button("load-more")).toHaveAttribute("aria-disabled", "false");
    button("load-more").click();
    expect(button("load-more")).toHaveTextContent(/^Loading more stories…$/);
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });
});

describe("when the app's code loads", () => {
  it("on the reader's first sign of life", () => {
    start();
    expect(appScripts()).toHaveLength(0);
    window.dispatchEvent(new Event("keydown"));
    window.dispatchEvent(new Event("pointerdown"));
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });

  it("one request per task, none inside the event that asked: a tap's own click comes first", () => {
    start("/stories/tea-saffron");
    window.dispatchEvent(new Event("pointerdown"));
    // On a slow phone each request costs the main thread several ms; made here, they held up
    // the click the same tap was about to send.
    expect(preloads()).toEqual([]);
    expect(appScripts()).toHaveLength(0);
    const sent: number[] = [];
    for (let task = 0; task < 4; task++) {
      vi.advanceTimersToNextTimer();
      sent.push(preloads().length + appScripts().length);
    }
    expect(sent).toEqual([1, 2, 3, 4]);
    expect(preloads()).toEqual([
      ["modulepreload", "/assets/react-test.js"],
      ["modulepreload", "/assets/story-page-test.js"],
      ["modulepreload", "/assets/story-time-test.js"],
    ]);
    expect(appScripts()[0]).toHaveAttribute("src", ENTRY);
  });

  it("once the loaded page has settled for 3 s and is idle, waiting at most 2 s for idleness", () => {
    const requestIdleCallback = vi.fn();
    vi.stubGlobal("requestIdleCallback", requestIdleCallback);
    start();
    vi.advanceTimersByTime(2999);
    expect(requestIdleCallback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(requestIdleCallback).toHaveBeenCalledTimes(1);
    expect(requestIdleCallback.mock.calls[0]?.[1]).toEqual({ timeout: 2000 });
    expect(appScripts()).toHaveLength(0);
    requestIdleCallback.mock.calls[0]?.[0]();
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });

  it("3 s after load where the browser has no requestIdleCallback", () => {
    vi.stubGlobal("requestIdleCallback", undefined);
    Reflect.deleteProperty(window, "requestIdleCallback");
    start();
    vi.advanceTimersByTime(2999);
    expect(appScripts()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });

  it.each(["/?page=3", "/topics/iran?page=2"])(
    "at once for %s, which shows more than the HTML, leaving the scroll position to the app",
    (url) => {
      history.scrollRestoration = "auto";
      start(url);
      sendRequests();
      expect(appScripts()).toHaveLength(1);
      expect(history.scrollRestoration).toBe("manual");
    },
  );

  it("never on the offline page, which the app could only replace with a wait or an error", () => {
    document.body.insertAdjacentHTML("beforeend", '<div data-offline-page=""></div>');
    start("/stories/never-opened");
    window.dispatchEvent(new Event("pointerdown"));
    document.querySelector("a")?.click();
    vi.advanceTimersByTime(10_000);
    expect(appScripts()).toHaveLength(0);
  });

  it("at once on the Saved page, whose list only the app can draw", () => {
    start("/saved");
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });

  it.each(["/", "/?page=1", "/?page=abc", "/stories/saved"])("not at once for %s", (url) => {
    history.scrollRestoration = "auto";
    start(url);
    sendRequests();
    expect(appScripts()).toHaveLength(0);
    expect(history.scrollRestoration).toBe("auto");
  });
});

describe("in data saver mode", () => {
  const dataSaver = () => button("data-saver");
  const storyLink = () => document.querySelector("a");
  beforeEach(() => document.documentElement.setAttribute("data-data-saver", ""));

  it("loads no app after idle, nor at a pointer, wheel, key or link; Load more loads it", () => {
    start();
    expect(dataSaver()).toHaveAttribute("aria-checked", "true");
    for (const name of ["pointermove", "pointerdown", "wheel", "keydown", "focusin"]) {
      window.dispatchEvent(new Event(name));
    }
    storyLink()?.addEventListener("click", (event) => event.preventDefault());
    storyLink()?.click();
    button("text-size-lg").click();
    vi.advanceTimersByTime(30_000);
    expect(appScripts()).toHaveLength(0);
    expect(preloads()).toEqual([]);
    expect(document.documentElement.dataset.textSize).toBe("lg");

    button("load-more").click();
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });

  it.each(["share", "save-for-offline"])(
    "a press on %s answers at once, loads the app and hands the press to it",
    (replay) => {
      start();
      vi.advanceTimersByTime(30_000);
      expect(appScripts()).toHaveLength(0);
      button(replay).click();
      // Answered at once: at work until the app takes the press over.
      expect(button(replay)).toHaveAttribute("aria-disabled", "true");
      sendRequests();
      expect(appScripts()).toHaveLength(1);
      // The app's code failed: pressable again, and the next press tries again.
      appScripts()[0]?.dispatchEvent(new Event("error"));
      expect(button(replay)).not.toHaveAttribute("aria-disabled");
      button(replay).click();
      sendRequests();
      expect(appScripts()).toHaveLength(1);
      expect(window.dispatchStartUp?.handOver()).toBe(replay);
      // Handed over as it was prerendered, so hydration finds the HTML it rendered.
      expect(button(replay)).not.toHaveAttribute("aria-disabled");
    },
  );

  it("shows a held photo on request, without the app", () => {
    start();
    button("show-photo").click();
    const figure = document.querySelector("figure");
    expect(figure).toHaveAttribute("data-photo-shown");
    expect(figure?.querySelector("img")).toHaveAttribute("srcset", "/images/a-320.jpg 320w");
    expect(document.activeElement).toBe(figure);
    vi.advanceTimersByTime(30_000);
    expect(appScripts()).toHaveLength(0);
  });

  it("the switch turns the mode off, remembered: links and photos back, and the app loads", () => {
    storyLink()?.setAttribute("href", "/lite/stories/one");
    storyLink()?.setAttribute("data-full-href", "/stories/one");
    start();
    dataSaver().click();
    expect(document.documentElement).not.toHaveAttribute("data-data-saver");
    expect(dataSaver()).toHaveAttribute("aria-checked", "false");
    expect(localStorage.getItem("dispatch:data-saver")).toBe("off");
    expect(storyLink()).toHaveAttribute("href", "/stories/one");
    expect(document.querySelector("img")).toHaveAttribute("srcset", "/images/a-320.jpg 320w");
    sendRequests();
    expect(appScripts()).toHaveLength(1);
  });

  it("a reader turning it on before the app loads saves from then on", () => {
    document.documentElement.removeAttribute("data-data-saver");
    start();
    // Focus and key on the switch itself start nothing.
    dataSaver().dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    dataSaver().click();
    expect(dataSaver()).toHaveAttribute("aria-checked", "true");
    expect(localStorage.getItem("dispatch:data-saver")).toBe("on");
    expect(storyLink()).toHaveAttribute("href", "/lite/stories/one");
    vi.advanceTimersByTime(30_000);
    expect(appScripts()).toHaveLength(0);
  });
});
