import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DATA_SAVER_STORAGE_KEY,
  holdPhoto,
  liteLinksIn,
  litePathOf,
  releasePhotos,
  setDataSaver,
  smallestSrcSet,
  subscribeDataSaver,
  wantedDataSaver,
} from "@/shared/data-saver";

const saveData = (value: boolean | undefined) =>
  vi
    .spyOn(navigator, "connection" as never, "get")
    .mockReturnValue((value === undefined ? undefined : { saveData: value }) as never);

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute("data-data-saver");
  if (!("connection" in navigator)) {
    Object.defineProperty(navigator, "connection", { configurable: true, get: () => undefined });
  }
});
afterEach(() => vi.restoreAllMocks());

describe("data saver", () => {
  it.each([
    [
      "/images/a-320.avif 320w, /images/a-640.avif 640w, /images/a-960.avif 960w",
      "/images/a-320.avif 320w",
    ],
    ["/images/b-640.jpg 640w, /images/b-320.jpg 320w", "/images/b-320.jpg 320w"],
    ["/images/c-800.webp 800w", "/images/c-800.webp 800w"],
    ["/images/d.jpg", "/images/d.jpg"],
  ])("cuts %j to its smallest width, %j", (srcset, smallest) => {
    expect(smallestSrcSet(srcset)).toBe(smallest);
  });

  it.each([
    ["/stories/tea-saffron", "/lite/stories/tea-saffron"],
    ["/topics/iran", "/topics/iran"],
    ["/lite/stories/tea-saffron", "/lite/stories/tea-saffron"],
    ["/stories/tea-saffron#comments", "/stories/tea-saffron#comments"],
    ["https://example.com/stories/x", "https://example.com/stories/x"],
  ])("sends %j to %j", (href, lite) => {
    expect(litePathOf(href)).toBe(lite);
  });

  it("follows the browser until the reader chooses, then the reader", () => {
    saveData(true);
    expect(wantedDataSaver()).toBe(true);
    localStorage.setItem(DATA_SAVER_STORAGE_KEY, "off");
    expect(wantedDataSaver()).toBe(false);
    saveData(false);
    localStorage.setItem(DATA_SAVER_STORAGE_KEY, "on");
    expect(wantedDataSaver()).toBe(true);
    localStorage.setItem(DATA_SAVER_STORAGE_KEY, "garbage");
    expect(wantedDataSaver()).toBe(false);
    saveData(undefined);
    localStorage.clear();
    expect(wantedDataSaver()).toBe(false);
  });

  it("shows, stores and announces a choice, and keeps it for the page when storage throws", () => {
    const listener = vi.fn();
    const unsubscribe = subscribeDataSaver(listener);
    setDataSaver(true);
    expect(document.documentElement).toHaveAttribute("data-data-saver");
    expect(localStorage.getItem(DATA_SAVER_STORAGE_KEY)).toBe("on");
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    setDataSaver(false);
    expect(document.documentElement).not.toHaveAttribute("data-data-saver");
    saveData(true);
    expect(wantedDataSaver()).toBe(true);
  });

  it("points story links at lite pages and back, leaving other links and lite links alone", () => {
    document.body.innerHTML = `<a href="/stories/one">One</a><a href="/topics/iran">Iran</a>
      <a href="/lite/stories/two">Lite version</a>`;
    const hrefs = () =>
      [...document.querySelectorAll("a")].map((link) => link.getAttribute("href"));
    liteLinksIn(document.body, true);
    expect(hrefs()).toEqual(["/lite/stories/one", "/topics/iran", "/lite/stories/two"]);
    liteLinksIn(document.body, false);
    expect(hrefs()).toEqual(["/stories/one", "/topics/iran", "/lite/stories/two"]);
  });

  it("holds a photo's files and gives them back", () => {
    document.body.innerHTML = `<figure><picture><source srcset="/images/a-320.avif 320w">
      <img src="/images/a-640.jpg" srcset="/images/a-320.jpg 320w" alt="A"></picture></figure>`;
    const figure = document.querySelector("figure") as HTMLElement;
    for (const element of figure.querySelectorAll("img, source")) holdPhoto(element);
    expect(figure.innerHTML).not.toMatch(/\ssrc(set)?=/);
    releasePhotos(figure);
    expect(figure.querySelector("img")).toHaveAttribute("src", "/images/a-640.jpg");
    expect(figure.querySelector("img")).toHaveAttribute("srcset", "/images/a-320.jpg 320w");
    expect(figure.querySelector("source")).toHaveAttribute("srcset", "/images/a-320.avif 320w");
  });
});
