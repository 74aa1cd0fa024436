import { cn } from "@/lib/cn";

/** The fill of each tone, for bars drawn by other components too. */
export const progressFills = {
  accent: "bg-progress-fill",
  success: "bg-success-bar",
  warning: "bg-warning-bar",
  danger: "bg-danger-bar",
  stale: "bg-stale-bar",
  neutral: "bg-subtle",
} as const;

export type ProgressTone = keyof typeof progressFills;

interface ProgressBarProps {
  /** 0–1; values above 1 fill the bar (over-achievement is told by the label). */
  value: number;
  /** Where the cycle says we should be today (0–1), drawn as a tick. */
  expected?: number;
  tone?: ProgressTone;
  /** The accessible name, e.g. "Progress of <objective>". */
  label: string;
  /** How the value reads aloud, e.g. "45 %, expected 60 %". */
  valueText: string;
  size?: "sm" | "md";
  className?: string;
}

export function ProgressBar({ value, expected, tone = "accent", label, valueText, size = "md", className }: ProgressBarProps) {
  const filled = Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(filled)}
      aria-valuetext={valueText}
      className={cn("relative w-full overflow-visible rounded-full bg-progress-track", size === "sm" ? "h-1.5" : "h-2", className)}
    >
      <div className={cn("h-full rounded-full transition-[width] duration-500", progressFills[tone])} style={{ width: `${filled}%` }} />
      {expected !== undefined ? (
        <div
          aria-hidden
          className="absolute -top-1 -bottom-1 w-0.5 rounded-full bg-expected/70"
          style={{ left: `calc(${Math.min(1, Math.max(0, expected)) * 100}% - 1px)` }}
        />
      ) : null}
    </div>
  );
}
