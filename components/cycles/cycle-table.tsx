import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { CycleStatus } from "@/lib/domain";
import { cn } from "@/lib/cn";
import { formatCount, formatPercent, formatScore } from "@/lib/format";
import { CycleActions } from "./cycle-actions";
import { CycleStatusBadge } from "./cycle-status-badge";
import { scoreTone } from "./score";

export interface CycleRowView {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: CycleStatus;
  closedAt: Date | null;
  objectiveCount: number;
  keyResultCount: number;
  /** 0–1 decimal strings, as the service answers them. */
  averageScore: string | null;
  averageProgress: string | null;
}

/** `YYYY-MM-DD` as the instant the day starts in UTC; formatted in UTC, so it is the same day everywhere. */
export const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** The cycles newest first: dates, status, figures, and (for admins) what can be done next. */
export async function CycleTable({ orgSlug, cycles, manages }: { orgSlug: string; cycles: CycleRowView[]; manages: boolean }) {
  const [t, tStatus, format, locale] = await Promise.all([getTranslations("cycles"), getTranslations("cycleStatus"), getFormatter(), getLocale()]);
  return (
    <Table caption={t("tableCaption")}>
      <THead>
        <tr>
          <Th>{t("cycle")}</Th>
          <Th>{t("status")}</Th>
          <Th className="hidden text-right sm:table-cell">{t("objectives")}</Th>
          <Th className="hidden text-right md:table-cell">{t("keyResults")}</Th>
          <Th className="w-48">{t("result")}</Th>
          {manages ? (
            <Th>
              <span className="sr-only">{t("actions")}</span>
            </Th>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {cycles.map((cycle) => {
          // Coloured as it reads: an average of 0.398 shows as 0.40 and is judged as 0.40.
          const score = cycle.averageScore === null ? null : Math.round(Number(cycle.averageScore) * 100) / 100;
          const progress = cycle.averageProgress === null ? null : Number(cycle.averageProgress);
          const progressText = progress === null ? "" : formatPercent(progress, locale);
          return (
            <Tr key={cycle.id}>
              <Td>
                <div className="flex flex-col">
                  <span className="font-medium text-fg">{cycle.name}</span>
                  <span className="text-xs text-subtle">
                    {format.dateTimeRange(utcDay(cycle.startDate), utcDay(cycle.endDate), { dateStyle: "medium", timeZone: "UTC" })}
                  </span>
                </div>
              </Td>
              <Td>
                <div className="flex flex-col items-start gap-0.5">
                  <CycleStatusBadge status={cycle.status} label={tStatus(cycle.status)} />
                  {cycle.closedAt ? (
                    <span className="text-xs text-subtle">{t("closedOn", { date: format.dateTime(cycle.closedAt, { dateStyle: "medium" }) })}</span>
                  ) : null}
                </div>
              </Td>
              <Td className="hidden text-right text-muted tabular-nums sm:table-cell">{formatCount(cycle.objectiveCount, locale)}</Td>
              <Td className="hidden text-right text-muted tabular-nums md:table-cell">{formatCount(cycle.keyResultCount, locale)}</Td>
              <Td>
                {cycle.status === "closed" && score !== null ? (
                  <span className={cn("font-medium tabular-nums", scoreTone(score))}>{t("averageScore", { score: formatScore(score, locale) })}</span>
                ) : cycle.status !== "closed" && progress !== null ? (
                  <div className="flex flex-col gap-1">
                    <span className="text-xs text-muted tabular-nums">{t("averageProgress", { progress: progressText })}</span>
                    <ProgressBar value={progress} size="sm" label={t("progressOf", { name: cycle.name })} valueText={progressText} />
                  </div>
                ) : (
                  <span className="text-subtle">{t("noFigure")}</span>
                )}
              </Td>
              {manages ? (
                <Td className="text-right">
                  {cycle.status === "closed" ? (
                    <Link
                      href={`/${orgSlug}/okrs/carry-over?from=${cycle.id}`}
                      aria-label={t("carryOverLabel", { name: cycle.name })}
                      className={buttonClasses("ghost", "sm")}
                    >
                      {t("carryOver")}
                    </Link>
                  ) : (
                    <CycleActions orgSlug={orgSlug} cycle={{ id: cycle.id, name: cycle.name, status: cycle.status, objectiveCount: cycle.objectiveCount }} />
                  )}
                </Td>
              ) : null}
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
