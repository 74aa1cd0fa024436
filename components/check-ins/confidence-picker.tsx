"use client";

import { CircleAlert, CircleCheck, CircleX } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Confidence } from "@/lib/domain";
import { cn } from "@/lib/cn";

const options: Array<{ value: Confidence; icon: typeof CircleCheck; checked: string }> = [
  { value: "on_track", icon: CircleCheck, checked: "has-[:checked]:border-success-bar has-[:checked]:bg-success-soft has-[:checked]:text-success" },
  { value: "at_risk", icon: CircleAlert, checked: "has-[:checked]:border-warning-bar has-[:checked]:bg-warning-soft has-[:checked]:text-warning" },
  { value: "off_track", icon: CircleX, checked: "has-[:checked]:border-danger-bar has-[:checked]:bg-danger-soft has-[:checked]:text-danger" },
];

/** On track, at risk, off track: three radio buttons with words and icons, never colour alone. */
export function ConfidencePicker({ name, legend, defaultValue, error, describedBy, compact }: { name: string; legend: string; defaultValue?: Confidence | null; error?: string; describedBy?: string; compact?: boolean }) {
  const t = useTranslations("okr.status");
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="flex flex-col gap-1.5">
      <legend className={cn("text-sm font-medium text-fg", compact && "sr-only")}>{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map(({ value, icon: Icon, checked }) => (
          <label
            key={value}
            className={cn(
              "flex cursor-pointer items-center gap-1.5 rounded-md border border-border-strong px-2.5 py-1.5 text-xs font-medium text-muted hover:bg-surface-hover",
              "focus-within:outline-2 focus-within:outline-ring",
              checked,
            )}
          >
            <input type="radio" name={name} value={value} defaultChecked={defaultValue === value} className="sr-only" />
            <Icon className="size-3.5" aria-hidden />
            {t(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
