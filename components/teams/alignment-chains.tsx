import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ObjectiveCard } from "@/lib/services/objective-cards";
import type { ChainLink } from "@/lib/services/team-objectives";

/** Each team objective with the goals above it, company first: how the team's work adds up. */
export function AlignmentChains({ orgSlug, objectives, chains }: { orgSlug: string; objectives: ObjectiveCard[]; chains: Record<string, ChainLink[]> }) {
  const t = useTranslations("teams");
  return (
    <ul className="flex flex-col gap-2.5">
      {objectives.map((objective) => {
        const chain = chains[objective.id] ?? [];
        return (
          <li key={objective.id}>
            <nav aria-label={t("chainOf", { title: objective.title })} className="flex flex-wrap items-center gap-1 text-xs text-subtle">
              {chain.map((link) => (
                <span key={link.id} className="inline-flex min-w-0 items-center gap-1">
                  <Link href={`/${orgSlug}/okrs/${link.id}`} className="max-w-64 truncate hover:text-fg hover:underline">
                    {link.title}
                  </Link>
                  <ChevronRight className="size-3 shrink-0" aria-hidden />
                </span>
              ))}
              <Link href={`/${orgSlug}/okrs/${objective.id}`} className="font-medium text-fg hover:underline">
                {objective.title}
              </Link>
              {chain.length === 0 ? <span className="text-subtle">· {t("notAligned")}</span> : chain[0]?.level !== "company" ? <span>· {t("notReachingCompany")}</span> : null}
            </nav>
          </li>
        );
      })}
    </ul>
  );
}
