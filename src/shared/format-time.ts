/**
 * Story times: relative for today ("3 hours ago"), a date otherwise, with the full date and
 * time for the `title` tooltip and assistive technology. Pure: `now` is passed in, so a
 * prerendered page (no `now`) always shows the absolute form and hydrates without mismatch.
 */

export type FormattedTime = { label: string; full: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function locale(lang: string): string {
  // Persian dates use the Persian calendar and digits, which "fa-IR" selects by default.
  return lang === "fa" ? "fa-IR" : lang;
}

export function formatStoryTime(iso: string, lang: string, now?: Date): FormattedTime {
  const date = new Date(iso);
  const loc = locale(lang);
  const full = new Intl.DateTimeFormat(loc, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
  const fullWithZone = `${full} UTC`;
  if (now && isSameUtcDay(date, now) && date.getTime() <= now.getTime()) {
    const elapsed = now.getTime() - date.getTime();
    const relative = new Intl.RelativeTimeFormat(loc, { numeric: "auto" });
    const label =
      elapsed < HOUR
        ? relative.format(-Math.max(1, Math.floor(elapsed / MINUTE)), "minute")
        : relative.format(-Math.floor(elapsed / HOUR), "hour");
    return { label, full: fullWithZone };
  }
  const label = new Intl.DateTimeFormat(loc, { dateStyle: "long", timeZone: "UTC" }).format(date);
  return { label, full: fullWithZone };
}

function isSameUtcDay(a: Date, b: Date): boolean {
  return a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
}
