import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseTextSize, TEXT_SIZE_STORAGE_KEY } from "@/features/text-size/text-size";
import {
  getTextSize,
  setTextSize,
  storedTextSize,
  subscribeTextSize,
} from "@/features/text-size/text-size-store";

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

  it("reads back a stored size", () => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, "xs");
    expect(storedTextSize()).toBe("xs");
  });

  it.each(["huge", "", "<script>", "LG"])("ignores a stored garbage value %j", (garbage) => {
    localStorage.setItem(TEXT_SIZE_STORAGE_KEY, garbage);
    expect(storedTextSize()).toBeUndefined();
  });

  it("keeps working for the visit when storage throws", () => {
    vi.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("denied", "QuotaExceededError");
    });
    expect(storedTextSize()).toBeUndefined();
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
