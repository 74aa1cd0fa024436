import { CircleCheck, CircleDashed } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/permissions";
import { gettingStarted } from "@/lib/services/getting-started";
import type { TenantContext } from "@/lib/tenant-context";
import { UseExampleButton } from "./use-example-button";

type Step = "pilotTeam" | "companyObjective" | "cascaded" | "invited" | "checkedIn";

/**
 * The first quarter, step by step, for the people who set it up; gone once every step is done.
 * Each step ticks itself from the data and links to where it is done.
 */
export async function GettingStartedChecklist({ ctx }: { ctx: TenantContext }) {
  if (!can(ctx, "organisation.update")) return null;
  const state = await gettingStarted(ctx);
  if (state.done) return null;
  const t = await getTranslations("gettingStarted");
  const base = `/${ctx.orgSlug}`;
  const links: Record<Step, string> = {
    pilotTeam: `${base}/teams`,
    companyObjective: `${base}/okrs/tree`,
    cascaded: state.firstCompanyObjectiveId ? `${base}/okrs/${state.firstCompanyObjectiveId}` : `${base}/okrs/tree`,
    invited: `${base}/settings/members`,
    checkedIn: `${base}/check-ins`,
  };
  const order: Step[] = ["pilotTeam", "companyObjective", "cascaded", "invited", "checkedIn"];
  const completed = order.filter((step) => state.steps[step]).length;
  const next = order.find((step) => !state.steps[step]);

  return (
    <section aria-labelledby="getting-started-heading" className="flex flex-col gap-4 rounded-lg border border-accent/30 bg-surface p-5 shadow-card">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="getting-started-heading" className="text-base font-semibold text-fg">
            {t("title")}
          </h2>
          <p className="text-sm text-muted">{t("intro")}</p>
        </div>
        <div className="flex w-full max-w-48 items-center gap-2">
          <ProgressBar value={completed / order.length} label={t("title")} valueText={t("progress", { done: completed, total: order.length })} size="sm" />
          <span className="text-xs whitespace-nowrap text-subtle tabular-nums">{t("progress", { done: completed, total: order.length })}</span>
        </div>
      </div>
      <ol className="flex flex-col divide-y divide-border">
        {order.map((step, index) => {
          const done = state.steps[step];
          return (
            <li key={step} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
              <div className="flex items-start gap-3">
                {done ? (
                  <CircleCheck className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
                ) : (
                  <CircleDashed className="mt-0.5 size-5 shrink-0 text-subtle" aria-hidden />
                )}
                <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                  <Link href={links[step]} className={`text-sm font-medium hover:underline ${done ? "text-muted line-through" : "text-fg"}`}>
                    {index + 1}. {t(`steps.${step}.title`)}
                  </Link>
                  <span className="sr-only">{done ? t("done") : t("todo")}</span>
                  {!done ? <p className="text-sm text-muted">{t(`steps.${step}.body`)}</p> : null}
                </div>
              </div>
              {step === "companyObjective" && !done && next === step ? (
                <div className="ml-8 flex flex-col gap-3 rounded-md bg-surface-muted p-4">
                  <p className="text-xs font-medium text-subtle">{t("exampleHeading")}</p>
                  <p className="text-sm font-medium text-fg">{t("example.objective")}</p>
                  <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-muted">
                    <li>{t("example.keyResult1")}</li>
                    <li>{t("example.keyResult2")}</li>
                    <li>{t("example.keyResult3")}</li>
                  </ul>
                  {state.activeCycleId ? (
                    <div>
                      <UseExampleButton orgSlug={ctx.orgSlug} cycleId={state.activeCycleId} />
                    </div>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
