import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TEXT_SIZE_STORAGE_KEY } from "@/features/text-size/text-size";
import { applyStoredTextSize } from "@/start-up/before-paint";

beforeEach(() => {
  localStorage.clear();
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
