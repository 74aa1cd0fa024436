import { useLocale, useTranslations } from "next-intl";
import { ProgressBar } from "@/components/ui/progress-bar";
import { cn } from "@/lib/cn";
import { formatPercent, formatPoints } from "@/lib/format";
import { pace } from "@/lib/okr/progress";
import type { Status } from "@/lib/okr/progress";
import { statusTone } from "./status-badge";

interface Props {
  title: string;
  progress: number;
  /** Where the cycle says it should be today; omitted for closed cycles. */
  expected?: number;
  status: Status | null;
  size?: "sm" | "md";
  showPace?: boolean;
  className?: string;
}

/** Progress as a picture: the bar, the tick where it should be today, the percent and the pace. */
export function ObjectiveProgress({ title, progress, expected, status, size = "md", showPace = true, className }: Props) {
  const t = useTranslations("okr");
  const locale = useLocale();
  const percent = formatPercent(progress, locale);
  const delta = expected === undefined ? null : pace(progress, expected);
  const valueText =
    expected === undefined ? percent : t("progressValueText", { progress: percent, expected: formatPercent(expected, locale) });
  return (
    <div className={cn("flex min-w-0 items-center gap-3", className)}>
      <ProgressBar
        value={progress}
        expected={expected}
        tone={statusTone(status)}
        label={t("progressOf", { title })}
        valueText={valueText}
        size={size}
        className="min-w-16 flex-1"
      />
      <span className="w-10 shrink-0 text-right text-xs font-semibold text-fg tabular-nums">{percent}</span>
      {showPace && delta !== null ? (
        <span
          className={cn("hidden w-24 shrink-0 text-xs whitespace-nowrap tabular-nums sm:inline", delta >= 0 ? "text-success" : delta > -0.1 ? "text-muted" : "text-danger")}
          title={t("paceHint")}
        >
          {delta >= 0 ? t("ahead", { points: formatPoints(Math.abs(delta), locale, false) }) : t("behind", { points: formatPoints(Math.abs(delta), locale, false) })}
        </span>
      ) : null}
    </div>
  );
}
