import { describe, expect, it } from "vitest";
import { pageBytesTable, seedStoryTargets } from "./page-bytes.ts";

describe("page bytes", () => {
  it("measures the seed story in the three modes, data saver as a browser asking to save data", () => {
    expect(seedStoryTargets("a-story")).toEqual([
      { name: "full", path: "/stories/a-story" },
      { name: "data saver", path: "/stories/a-story", saveData: true },
      { name: "lite", path: "/lite/stories/a-story" },
    ]);
  });

  it("reports a page that is not there as its status, never as 0 bytes", () => {
    const table = pageBytesTable([
      {
        name: "full",
        path: "/stories/a",
        status: 200,
        byType: { Document: 2048, Script: 10_240 },
        total: 12_288,
        requests: 3,
      },
      { name: "lite", path: "/lite/stories/a", status: 404, byType: {}, total: 0, requests: 0 },
    ]);
    expect(table).toContain(
      "| full | /stories/a | 12.0 KB | 3 | Script 10.0 KB, Document 2.0 KB |",
    );
    expect(table).toContain("| lite | /lite/stories/a | **HTTP 404: not measured** |");
    expect(table).not.toMatch(/\| 0\.0 KB/);
  });
});
