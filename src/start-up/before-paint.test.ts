import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEXT_SIZE_STORAGE_KEY } from "@/features/text-size/text-size";
import { applyDataSaverWhileParsing, applyStoredTextSize } from "@/start-up/before-paint";

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute("data-data-saver");
  delete document.documentElement.dataset.textSize;
});
afterEach(() => vi.restoreAllMocks());

describe("the before-paint script", () => {
  it.each(["xs", "sm", "lg"])("puts a stored %j on <html>", (size) => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
    applyStoredTextSize();
    expect(document.documentElement.dataset.textSize).toBe(size);
  });

  it("leaves <html> alone for MD, the stylesheet's default", () => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, "md");
    applyStoredTextSize();
    expect(document.documentElement).not.toHaveAttribute("data-text-size");
  });

  it.each(["huge", "", "<script>", "LG", '"lg"'])("ignores a stored %j", (garbage) => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, garbage);
    applyStoredTextSize();
    expect(document.documentElement).not.toHaveAttribute("data-text-size");
  });

  it("does not throw when storage does", () => {
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(applyStoredTextSize).not.toThrow();
    expect(document.documentElement).not.toHaveAttribute("data-text-size");
  });
});

describe("the before-paint script in data saver mode", () => {
  const parse = async () => {
    document.body.innerHTML = "";
    // As the parser does: each element inserted as it is met.
    const figure = document.createElement("figure");
    figure.setAttribute("data-later", "");
    const later = document.createElement("img");
    later.setAttribute("srcset", "/images/b-320.jpg 320w, /images/b-960.jpg 960w");
    later.setAttribute("src", "/images/b-640.jpg");
    const first = document.createElement("img");
    first.setAttribute("srcset", "/images/a-320.jpg 320w, /images/a-960.jpg 960w");
    const link = document.createElement("a");
    link.setAttribute("href", "/stories/one");
    document.body.append(first, figure, link);
    figure.append(later);
    await Promise.resolve();
    return { first, later, link };
  };

  it("marks <html> and rewrites what the parser adds: smallest widths, later photos held, lite links", async () => {
    localStorage.setItem("dispatch:data-saver", "on");
    applyDataSaverWhileParsing();
    expect(document.documentElement).toHaveAttribute("data-data-saver");
    const { first, later, link } = await parse();
    expect(first).toHaveAttribute("srcset", "/images/a-320.jpg 320w");
    expect(later).not.toHaveAttribute("srcset");
    expect(later).not.toHaveAttribute("src");
    expect(later).toHaveAttribute("data-held-srcset", "/images/b-320.jpg 320w");
    expect(link).toHaveAttribute("href", "/lite/stories/one");
    document.dispatchEvent(new Event("DOMContentLoaded"));
  });

  it("changes nothing when the reader turned it off", async () => {
    localStorage.setItem("dispatch:data-saver", "off");
    applyDataSaverWhileParsing();
    expect(document.documentElement).not.toHaveAttribute("data-data-saver");
    const { first, link } = await parse();
    expect(first).toHaveAttribute("srcset", "/images/a-320.jpg 320w, /images/a-960.jpg 960w");
    expect(link).toHaveAttribute("href", "/stories/one");
  });
});

describe("the before-paint script out of data saver mode", () => {
  it("asks for the story's first photo as the parser inserts it, not after layout", async () => {
    applyDataSaverWhileParsing();
    document.body.innerHTML = "";
    const first = document.createElement("img");
    first.setAttribute("loading", "lazy");
    first.setAttribute("fetchpriority", "high");
    first.setAttribute("srcset", "/images/a-320.jpg 320w, /images/a-960.jpg 960w");
    const later = document.createElement("img");
    later.setAttribute("loading", "lazy");
    document.body.append(first, later);
    await Promise.resolve();
    expect(first).toHaveAttribute("loading", "eager");
    expect(first).toHaveAttribute("srcset", "/images/a-320.jpg 320w, /images/a-960.jpg 960w");
    expect(later).toHaveAttribute("loading", "lazy");
    document.dispatchEvent(new Event("DOMContentLoaded"));
  });
});
