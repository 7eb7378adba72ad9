import { formatStoryTime } from "@/shared/format-time";
import { useHydrated } from "@/shared/use-hydrated";

type Props = { iso: string; lang: string; prefix?: string; className?: string };

/**
 * A story's time: the short form on screen ("September 17, 2024", "3 hours ago") and the full
 * date and time, with its zone, for assistive technology, which does not read `title`. The
 * short form is hidden from it so the date is not read twice; `title` keeps the full form for
 * a pointer's tooltip.
 */
export function StoryTime({ iso, lang, prefix, className }: Props) {
  const hydrated = useHydrated();
  const { label, full } = formatStoryTime(iso, lang, hydrated ? new Date() : undefined);
  return (
    <span className={className}>
      {prefix ? `${prefix} ` : null}
      <time dateTime={iso} title={full}>
        <span aria-hidden="true">{label}</span>
        <span className="sr-only">{full}</span>
      </time>
    </span>
  );
}
