import { onlineManager } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { importWhenOnline, isModuleLoadError } from "@/app/route-module";

afterEach(() => onlineManager.setOnline(true));

const chunkError = () =>
  new TypeError("Failed to fetch dynamically imported module: /assets/story-page-x.js");

describe("importWhenOnline", () => {
  it("returns the module", async () => {
    await expect(importWhenOnline(async () => ({ page: 1 }))).resolves.toEqual({ page: 1 });
  });

  it("fails at once when the reader is online", async () => {
    const load = vi.fn(async () => {
      throw chunkError();
    });
    await expect(importWhenOnline(load)).rejects.toThrow(/dynamically imported module/);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("offline, waits for the connection and tries again, once", async () => {
    onlineManager.setOnline(false);
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(chunkError())
      .mockResolvedValueOnce("story page");
    const imported = importWhenOnline(load);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(load).toHaveBeenCalledTimes(1);
    onlineManager.setOnline(true);
    await expect(imported).resolves.toBe("story page");
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("isModuleLoadError", () => {
  it.each([
    "Failed to fetch dynamically imported module: http://x/assets/a.js",
    "error loading dynamically imported module: http://x/assets/a.js",
    "Importing a module script failed.",
    "Unable to preload CSS for /assets/a.css",
  ])("recognizes %j", (message) => {
    expect(isModuleLoadError(new TypeError(message))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isModuleLoadError(new Error("Could not load /api/stories/a.json"))).toBe(false);
    expect(isModuleLoadError("Failed to fetch dynamically imported module")).toBe(false);
  });
});
