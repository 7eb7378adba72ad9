import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APPLY_TEXT_SIZE_SCRIPT,
  parseTextSize,
  TEXT_SIZE_STORAGE_KEY,
} from "@/features/reading-size/text-size";
import {
  getTextSize,
  setTextSize,
  subscribeTextSize,
} from "@/features/reading-size/text-size-store";

function runHeadScript() {
  // The same string index.html inlines, run the way the browser would.
  new Function(APPLY_TEXT_SIZE_SCRIPT)();
}

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.textSize;
});
afterEach(() => vi.restoreAllMocks());

describe("text size", () => {
  it("defaults to MD", () => {
    expect(getTextSize()).toBe("md");
  });

  it("applies a choice to <html>, stores it and tells subscribers", () => {
    const listener = vi.fn();
    const unsubscribe = subscribeTextSize(listener);
    setTextSize("lg");
    unsubscribe();
    expect(document.documentElement.dataset.textSize).toBe("lg");
    expect(localStorage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe("lg");
    expect(getTextSize()).toBe("lg");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("restores a stored size before first paint", () => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, "xs");
    runHeadScript();
    expect(getTextSize()).toBe("xs");
  });

  it.each(["huge", "", "<script>", "LG"])("ignores a stored garbage value %j", (garbage) => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, garbage);
    runHeadScript();
    expect(getTextSize()).toBe("md");
  });

  it("keeps working for the visit when storage throws", () => {
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("denied", "QuotaExceededError");
    });
    expect(runHeadScript).not.toThrow();
    expect(getTextSize()).toBe("md");
    setTextSize("sm");
    expect(getTextSize()).toBe("sm");
  });

  it("going back to MD clears the attribute so the default CSS applies", () => {
    setTextSize("lg");
    setTextSize("md");
    expect(document.documentElement.dataset.textSize).toBeUndefined();
    expect(getTextSize()).toBe("md");
  });

  it.each([
    ["xs", "xs"],
    ["lg", "lg"],
    ["XL", undefined],
    [3, undefined],
  ])("parses %j as %j", (value, expected) => {
    expect(parseTextSize(value)).toBe(expected);
  });
});
