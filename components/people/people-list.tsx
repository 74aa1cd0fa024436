import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { PersonSummary } from "@/lib/services/people";

const columns = "sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_9rem] sm:gap-6";

/** The directory's rows: who, where they sit, and how many objectives they carry this cycle. */
export function PeopleList({ orgSlug, people, cycleParam, cycleName }: { orgSlug: string; people: PersonSummary[]; cycleParam: string; cycleName: string | null }) {
  const t = useTranslations("people");
  const tRole = useTranslations("roles");
  return (
    <>
      {/* The same words are in each row for screen readers and on narrow screens. */}
      <div aria-hidden className={`hidden border-b border-border px-5 py-2 text-xs font-medium text-subtle sm:grid ${columns}`}>
        <span>{t("person")}</span>
        <span>{t("teamsLabel")}</span>
        <span className="text-right">{cycleName ? t("objectivesIn", { cycle: cycleName }) : t("objectives")}</span>
      </div>
      <ul className="flex flex-col divide-y divide-border">
        {people.map((person) => (
          <li key={person.userId} className={`grid gap-2 px-5 py-3 sm:items-center ${columns}`}>
            <div className="flex min-w-0 items-center gap-3">
              <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-text">
                {initials(person.name)}
              </span>
              <div className="flex min-w-0 flex-col">
                <span className="flex items-center gap-2">
                  <Link href={`/${orgSlug}/people/${person.userId}${cycleParam}`} className="truncate text-sm font-medium text-fg hover:underline">
                    {person.name}
                  </Link>
                  {person.role !== "member" ? <Badge tone="neutral">{tRole(person.role)}</Badge> : null}
                </span>
                <span className="truncate text-xs text-subtle">{person.email}</span>
              </div>
            </div>
            <p className="min-w-0 truncate text-xs text-muted">
              <span className="sr-only">{t("teamsLabel")}: </span>
              {person.teams.length > 0 ? person.teams.map((team) => team.name).join(", ") : t("noTeam")}
            </p>
            <p className="text-xs text-muted tabular-nums sm:text-right">{t("objectiveCount", { count: person.objectiveCount })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/u);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}
