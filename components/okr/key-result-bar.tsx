import { useLocale, useTranslations } from "next-intl";
import { ProgressBar, progressFills, type ProgressTone } from "@/components/ui/progress-bar";
import { cn } from "@/lib/cn";
import type { KeyResultDirection } from "@/lib/domain";
import { formatMeasure, formatPercent, type MeasureUnit } from "@/lib/format";

interface Props extends MeasureUnit {
  title: string;
  direction: KeyResultDirection;
  startValue: string;
  targetValue: string;
  currentValue: string;
  progress: number;
  achievement: number;
  tone: ProgressTone;
  /** Where the cycle says a number to move should be today; a threshold has no such place. */
  expected?: number;
  size?: "sm" | "md";
  className?: string;
}

/**
 * A key result's bar. A number to move (or a milestone) fills towards its target with a tick where
 * it should be today. A threshold to hold (stay above / stay below) has no "expected": it is held
 * or not, so its bar is a scale of values around the threshold, drawn as a line across its middle,
 * with the current value filled up to where it stands: past the line for stay above, short of it
 * for stay below, when it holds.
 */
export function KeyResultBar(kr: Props) {
  const t = useTranslations("okr");
  const locale = useLocale();
  const label = t("progressOf", { title: kr.title });
  if (kr.direction !== "stay_above" && kr.direction !== "stay_below") {
    const percent = formatPercent(kr.achievement, locale);
    return (
      <ProgressBar
        value={kr.progress}
        expected={kr.expected}
        tone={kr.tone}
        label={label}
        valueText={kr.expected === undefined ? percent : t("progressValueText", { progress: percent, expected: formatPercent(kr.expected, locale) })}
        size={kr.size}
        className={kr.className}
      />
    );
  }
  const current = Number(kr.currentValue);
  const threshold = Number(kr.targetValue);
  // The threshold in the middle of a window twice as wide as the distance to it (at least a tenth
  // of the threshold), so a narrow margin shows as clearly as a wide one.
  const reach = Math.max(2 * Math.abs((Number.isFinite(current) ? current : threshold) - threshold), 0.1 * Math.abs(threshold)) || 1;
  const low = threshold - reach;
  const top = threshold + reach;
  const at = (value: number) => Math.min(100, Math.max(0, ((value - low) / (top - low)) * 100));
  const phrase = t(kr.direction === "stay_above" ? "target.atLeast" : "target.atMost", {
    current: formatMeasure(kr.currentValue, kr, locale),
    value: formatMeasure(kr.targetValue, kr, locale),
  });
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={low}
      aria-valuemax={top}
      aria-valuenow={Number.isFinite(current) ? current : low}
      aria-valuetext={phrase}
      className={cn("relative w-full rounded-full bg-progress-track", kr.size === "sm" ? "h-1.5" : "h-2", kr.className)}
    >
      <ToneFill tone={kr.tone} width={at(current)} />
      <div aria-hidden className="absolute -top-1.5 -bottom-1.5 w-0.5 rounded-full bg-fg" style={{ left: `calc(${at(threshold)}% - 1px)` }} />
    </div>
  );
}

function ToneFill({ tone, width }: { tone: ProgressTone; width: number }) {
  return <div className={cn("h-full rounded-full", progressFills[tone])} style={{ width: `${width}%` }} />;
}
