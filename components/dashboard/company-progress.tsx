import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { formatPercent, formatPoints } from "@/lib/format";

interface Props {
  progress: number;
  /** Where the cycle says progress should be now; null for a cycle that is not active. */
  expected: number | null;
}

export function paceTone(pace: number): string {
  return pace >= 0 ? "text-success" : pace > -0.1 ? "text-warning" : "text-danger";
}

const fillTone = (pace: number | null) => (pace === null || pace >= 0 ? "bg-success-bar" : pace > -0.1 ? "bg-warning-bar" : "bg-danger-bar");

/**
 * The organisation's progress as one large bar with a labelled tick where the cycle expects it
 * today, and the pace in points beside it in words.
 */
export function CompanyProgressBar({ progress, expected }: Props) {
  const t = useTranslations("dashboard.company");
  const tOkr = useTranslations("okr");
  const locale = useLocale();
  const pace = expected === null ? null : progress - expected;
  const percent = formatPercent(progress, locale);
  const filled = Math.min(1, Math.max(0, progress)) * 100;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <span className="text-4xl font-semibold tracking-tight text-fg tabular-nums">{percent}</span>
        {pace !== null ? (
          <span className={cn("text-sm font-medium", paceTone(pace))}>
            {Math.round(pace * 100) === 0
              ? t("onPace")
              : pace > 0
                ? tOkr("ahead", { points: formatPoints(pace, locale, false) })
                : tOkr("behind", { points: formatPoints(pace, locale, false) })}
          </span>
        ) : null}
      </div>
      <div className={cn("relative", expected !== null && "pt-6")}>
        {expected !== null ? (
          <span
            aria-hidden
            className="absolute top-0 -translate-x-1/2 text-xs whitespace-nowrap text-muted tabular-nums"
            style={{ left: `clamp(3rem, ${expected * 100}%, calc(100% - 3rem))` }}
          >
            {t("expectedTick", { value: formatPercent(expected, locale) })}
          </span>
        ) : null}
        <div
          role="progressbar"
          aria-label={t("barLabel")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(filled)}
          aria-valuetext={expected === null ? percent : t("valueText", { progress: percent, expected: formatPercent(expected, locale) })}
          className="relative h-4 w-full rounded-full bg-progress-track"
        >
          <div className={cn("h-full rounded-full", fillTone(pace))} style={{ width: `${filled}%` }} />
          {expected !== null ? (
            <div aria-hidden className="absolute -top-1.5 -bottom-1.5 w-0.5 rounded-full bg-expected" style={{ left: `calc(${expected * 100}% - 1px)` }} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
