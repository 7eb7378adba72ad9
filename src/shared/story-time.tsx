import { formatStoryTime } from "@/shared/format-time";
import { useHydrated } from "@/shared/use-hydrated";

type Props = { iso: string; lang: string; prefix?: string; className?: string };

export function StoryTime({ iso, lang, prefix, className }: Props) {
  const hydrated = useHydrated();
  const { label, full } = formatStoryTime(iso, lang, hydrated ? new Date() : undefined);
  return (
    <span className={className}>
      {prefix ? `${prefix} ` : null}
      <time dateTime={iso} title={full}>
        {label}
      </time>
    </span>
  );
}
