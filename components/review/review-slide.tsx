import { Building2, Users } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ObjectiveProgress } from "@/components/okr/objective-progress";
import { StatusBadge } from "@/components/okr/status-badge";
import { cn } from "@/lib/cn";
import { formatMeasure, formatPercent, formatPoints } from "@/lib/format";
import type { ReviewKeyResult, ReviewObjective, ReviewSlide } from "@/lib/services/review";

interface Props {
  orgSlug: string;
  slide: ReviewSlide;
  cycleName: string;
  /** Where the cycle expects progress to be today; undefined unless it is active. */
  expected?: number;
}

/** One slide of the weekly review: the objectives on the left, the week's changes on the right. */
export function ReviewSlideContent({ orgSlug, slide, cycleName, expected }: Props) {
  const t = useTranslations("review");
  const keyResults = slide.objectives.flatMap((objective) => objective.keyResults);
  const changed = keyResults.filter((kr) => kr.week !== null);
  const risks = keyResults.filter((kr) => kr.newRisk);
  const notes = slide.objectives.flatMap((objective) => objective.notes).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const Icon = slide.kind === "company" ? Building2 : Users;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="flex items-center gap-1.5 text-xs font-medium tracking-wide text-subtle uppercase">
          <Icon className="size-3.5" aria-hidden />
          {slide.kind === "company" ? t("companyObjective") : slide.parentName ? t("teamIn", { parent: slide.parentName }) : t("team")}
        </p>
        <h2 className="text-2xl font-semibold tracking-tight text-balance text-fg sm:text-3xl">{slide.title}</h2>
      </div>

      {slide.kind === "team" && slide.objectives.length === 0 ? (
        <div className="flex flex-col gap-1 text-sm">
          <p className="text-fg">{t("noObjectives", { team: slide.title, cycle: cycleName })}</p>
          <p className="text-muted">{t("noObjectivesHint")}</p>
        </div>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="flex flex-col gap-6">
            {slide.objectives.map((objective) => (
              <ObjectiveBlock key={objective.id} orgSlug={orgSlug} objective={objective} expected={expected} showTitle={slide.kind === "team"} />
            ))}
          </div>
          <div className="flex flex-col gap-6">
            <Section title={t("changed")} empty={t("noChanges")} count={changed.length}>
              {changed.map((kr) => (
                <Change key={kr.id} kr={kr} />
              ))}
            </Section>
            <Section title={t("newRisks")} empty={t("noNewRisks")} count={risks.length}>
              {risks.map((kr) => (
                <Risk key={kr.id} kr={kr} />
              ))}
            </Section>
            <Section title={t("notes")} empty={t("noNotes")} count={notes.length}>
              {notes.map((note) => (
                <Note key={note.id} note={note} />
              ))}
            </Section>
          </div>
        </div>
      )}
    </div>
  );
}

function ObjectiveBlock({ orgSlug, objective, expected, showTitle }: { orgSlug: string; objective: ReviewObjective; expected?: number; showTitle: boolean }) {
  const t = useTranslations("review");
  const locale = useLocale();
  const delta = objective.delta;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        {showTitle ? (
          <h3 className="text-base font-semibold text-fg">
            <Link href={`/${orgSlug}/okrs/${objective.id}`} className="hover:underline">
              {objective.title}
            </Link>
          </h3>
        ) : null}
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-subtle">
          <span>{t("owner", { name: objective.ownerName })}</span>
          <StatusBadge status={objective.status} />
          <span className={cn("font-medium", delta === null ? "text-accent-text" : delta > 0.005 ? "text-success" : delta < -0.005 ? "text-danger" : "text-muted")}>
            {delta === null ? t("progressNew") : Math.abs(delta) < 0.005 ? t("progressFlat") : t("progressWeek", { points: formatPoints(delta, locale) })}
          </span>
        </p>
      </div>
      <ObjectiveProgress title={objective.title} progress={objective.progress} expected={expected} status={objective.status} />
      {objective.keyResults.length > 0 ? (
        <ul className="flex flex-col divide-y divide-border rounded-md border border-border" aria-label={t("keyResults")}>
          {objective.keyResults.map((kr) => (
            <li key={kr.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1 text-fg">{kr.title}</span>
              <span className="flex items-center gap-2 text-xs text-muted tabular-nums">
                {formatMeasure(kr.currentValue, kr, locale)} · {formatPercent(kr.progress, locale)}
                <StatusBadge status={kr.status} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-subtle">{t("noKeyResults")}</p>
      )}
    </div>
  );
}

function Section({ title, empty, count, children }: { title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      {count === 0 ? <p className="text-sm text-subtle">{empty}</p> : <ul className="flex flex-col gap-2.5">{children}</ul>}
    </section>
  );
}

function Change({ kr }: { kr: ReviewKeyResult }) {
  const t = useTranslations("review");
  const tStatus = useTranslations("okr.status");
  const locale = useLocale();
  if (!kr.week) return null;
  const { valueBefore, valueAfter, confidenceBefore, confidenceAfter, checkIns } = kr.week;
  return (
    <li className="flex flex-col gap-0.5 text-sm">
      <span className="text-fg">{kr.title}</span>
      <span className="text-xs text-muted tabular-nums">
        {t("valueChange", { from: formatMeasure(valueBefore, kr, locale), to: formatMeasure(valueAfter, kr, locale) })}
        {" · "}
        {confidenceBefore && confidenceBefore !== confidenceAfter
          ? t("confidenceChange", { from: tStatus(confidenceBefore), to: tStatus(confidenceAfter) })
          : tStatus(confidenceAfter)}
        {" · "}
        {t("checkIns", { count: checkIns })}
      </span>
    </li>
  );
}

function Risk({ kr }: { kr: ReviewKeyResult }) {
  const t = useTranslations("review");
  const tStatus = useTranslations("okr.status");
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <StatusBadge status={kr.status} />
      <span className="text-fg">{kr.title}</span>
      <span className="text-xs text-subtle">{kr.statusWeekAgo ? t("was", { status: tStatus(kr.statusWeekAgo).toLowerCase() }) : t("wasNew")}</span>
    </li>
  );
}

function Note({ note }: { note: ReviewSlide["objectives"][number]["notes"][number] }) {
  const t = useTranslations("review");
  const format = useFormatter();
  return (
    <li>
      <figure className="flex flex-col gap-1 border-l-2 border-border-strong pl-3">
        <blockquote className="text-sm whitespace-pre-line text-fg">{note.note}</blockquote>
        <figcaption className="text-xs text-subtle">
          {t("noteBy", { author: note.authorName, keyResult: note.keyResultTitle })} ·{" "}
          <time dateTime={note.createdAt}>{format.dateTime(new Date(note.createdAt), { weekday: "short", hour: "numeric", minute: "2-digit" })}</time>
        </figcaption>
      </figure>
    </li>
  );
}
