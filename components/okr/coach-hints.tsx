"use client";

import { CalendarX2, Hash, Lightbulb, Link2Off, ListMinus, ListPlus, Ruler, Scissors, UserRoundX, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import type { CoachCode, CoachWarning } from "@/lib/okr/coach";

const icons: Record<CoachCode, LucideIcon> = {
  title_long: Scissors,
  title_has_metric: Hash,
  too_few_key_results: ListPlus,
  too_many_key_results: ListMinus,
  key_result_not_measurable: Ruler,
  key_result_due_outside_cycle: CalendarX2,
  owner_overloaded: UserRoundX,
  unaligned: Link2Off,
};

export interface CoachHintsProps {
  /** From `coachObjective`/`coachDraft` (lib/okr/coach.ts) or `coachForObjectives` (lib/services/coach.ts). */
  warnings: readonly CoachWarning[];
  /** Level of the visible heading; `false` shows none (the list keeps its accessible name). */
  heading?: 2 | 3 | 4 | false;
  /** For hints that change while someone types: announced politely, and the region stays mounted. */
  live?: boolean;
  className?: string;
}

/**
 * The OKR coach's warnings as calm hints: an icon, what to do and why, never a block. Renders
 * nothing without warnings (an empty live region when `live`). Presentational only, so it serves
 * client forms and server pages alike.
 */
export function CoachHints({ warnings, heading = 3, live = false, className }: CoachHintsProps) {
  const t = useTranslations("coach");
  if (warnings.length === 0) return live ? <div aria-live="polite" className={className} /> : null;
  const Heading = heading ? (`h${heading}` as const) : null;
  return (
    <div aria-live={live ? "polite" : undefined} className={className}>
      <div className="rounded-lg border border-transparent bg-warning-soft px-4 py-3">
        {Heading ? (
          <Heading className="flex items-center gap-2 text-sm font-semibold text-fg">
            <Lightbulb className="size-4 shrink-0 text-warning" aria-hidden />
            {t("heading")}
          </Heading>
        ) : null}
        <ul aria-label={t("heading")} className={cn("flex flex-col gap-2", Heading && "mt-2")}>
          {warnings.map((warning) => {
            const Icon = icons[warning.code];
            return (
              <li key={`${warning.code}:${warning.keyResultId ?? ""}`} className="flex gap-2">
                <Icon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
                <div className="flex min-w-0 flex-col">
                  <span className="text-sm font-medium text-fg">{t(`${warning.code}.title`)}</span>
                  <span className="text-sm break-words text-muted">{t(`${warning.code}.why`, warning.values)}</span>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
