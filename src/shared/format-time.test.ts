import { describe, expect, it } from "vitest";
import { formatStoryTime, shortStoryTime } from "@/shared/format-time";

const published = "2024-09-17T10:30:00Z";

describe("formatStoryTime", () => {
  it("shows the date when there is no clock (prerendering, first render)", () => {
    const { label, full } = formatStoryTime(published, "en");
    expect(label).toBe("September 17, 2024");
    expect(full).toBe("Tuesday, September 17, 2024 at 10:30 AM UTC");
  });

  it.each([
    ["2024-09-17T10:31:00Z", "1 minute ago"],
    ["2024-09-17T10:59:00Z", "29 minutes ago"],
    ["2024-09-17T13:45:00Z", "3 hours ago"],
  ])("at %s, a story from today reads %j", (now, expected) => {
    expect(formatStoryTime(published, "en", new Date(now)).label).toBe(expected);
  });

  it("shows the date for a story from an earlier day", () => {
    expect(formatStoryTime(published, "en", new Date("2024-09-18T01:00:00Z")).label).toBe(
      "September 17, 2024",
    );
  });

  it("shows the date, not a negative age, for a time in the future", () => {
    expect(formatStoryTime(published, "en", new Date("2024-09-17T09:00:00Z")).label).toBe(
      "September 17, 2024",
    );
  });

  it("formats Persian stories with the Persian calendar and digits", () => {
    const { label, full } = formatStoryTime(published, "fa");
    expect(label).toBe("۲۷ شهریور ۱۴۰۳");
    expect(full).toMatch(/۱۴۰۳/);
  });

  it("says relative times in the story's language", () => {
    expect(formatStoryTime(published, "fa", new Date("2024-09-17T13:45:00Z")).label).toBe(
      "۳ ساعت پیش",
    );
  });
});

describe("shortStoryTime", () => {
  it.each([
    ["en", "Sep 17, 2024, 3:10 PM UTC"],
    ["fa", "۲۷ شهریور ۱۴۰۳، ۱۵:۱۰ UTC"],
  ])("gives a list's time in %s, in UTC", (lang, expected) => {
    expect(shortStoryTime("2024-09-17T15:10:00Z", lang)).toBe(expected);
  });
});
