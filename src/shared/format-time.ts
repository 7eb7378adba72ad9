/**
 * Story times: relative for today ("3 hours ago"), a date otherwise, with the full date and
 * time for the `title` tooltip and assistive technology. Pure: `now` is passed in, so a
 * prerendered page (no `now`) always shows the absolute form and hydrates without mismatch.
 */

type FormattedTime = { label: string; full: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function locale(lang: string): string {
  // Persian dates use the Persian calendar and digits, which "fa-IR" selects by default.
  return lang === "fa" ? "fa-IR" : lang;
}

const FULL_DATE: Intl.DateTimeFormatOptions = {
  dateStyle: "full",
  timeStyle: "short",
  timeZone: "UTC",
};
const LONG_DATE: Intl.DateTimeFormatOptions = { dateStyle: "long", timeZone: "UTC" };

// A feed re-renders every card on each Load more: build each locale's formatters once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: () => T,
): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

const fullDate = (loc: string) =>
  cached(`full ${loc}`, () => new Intl.DateTimeFormat(loc, FULL_DATE));
const longDate = (loc: string) =>
  cached(`long ${loc}`, () => new Intl.DateTimeFormat(loc, LONG_DATE));
const relativeTime = (loc: string) =>
  cached(`relative ${loc}`, () => new Intl.RelativeTimeFormat(loc, { numeric: "auto" }));

export function formatStoryTime(iso: string, lang: string, now?: Date): FormattedTime {
  const date = new Date(iso);
  const loc = locale(lang);
  const full = fullDate(loc).format(date);
  const fullWithZone = `${full} UTC`;
  if (now && isSameUtcDay(date, now) && date.getTime() <= now.getTime()) {
    const elapsed = now.getTime() - date.getTime();
    const relative = relativeTime(loc);
    const label =
      elapsed < HOUR
        ? relative.format(-Math.max(1, Math.floor(elapsed / MINUTE)), "minute")
        : relative.format(-Math.floor(elapsed / HOUR), "hour");
    return { label, full: fullWithZone };
  }
  const label = longDate(loc).format(date);
  return { label, full: fullWithZone };
}

const SHORT_DATE: Intl.DateTimeFormatOptions = {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
};

/** "Sep 17, 2024, 3:10 PM UTC": a list's time, where the full form would wrap on a phone. */
export function shortStoryTime(iso: string, lang: string): string {
  const loc = locale(lang);
  const short = cached(`short ${loc}`, () => new Intl.DateTimeFormat(loc, SHORT_DATE));
  return `${(short as Intl.DateTimeFormat).format(new Date(iso))} UTC`;
}

function isSameUtcDay(a: Date, b: Date): boolean {
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}
