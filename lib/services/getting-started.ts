import "server-only";
import { sql } from "drizzle-orm";
import { checkIns, cycles, invitations, memberships, objectives, teams } from "@/db/schema";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { createKeyResult } from "./key-results";
import { createObjective } from "./objectives";

export interface GettingStarted {
  steps: {
    pilotTeam: boolean;
    companyObjective: boolean;
    cascaded: boolean;
    invited: boolean;
    checkedIn: boolean;
  };
  done: boolean;
  /** Where the next steps are done: the first company objective and the active cycle. */
  firstCompanyObjectiveId: string | null;
  activeCycleId: string | null;
}

/**
 * Start small: a pilot team, one company objective, cascaded to that team, the team invited, the
 * first weekly check-in. Each step ticks itself from the data, in one query.
 */
export async function gettingStarted(ctx: TenantContext): Promise<GettingStarted> {
  const [row] = await withTenant(ctx, (tx) =>
    tx
      .select({
        pilotTeam: sql<boolean>`exists (select 1 from ${teams} where ${teams.orgId} = ${ctx.orgId})`,
        firstCompanyObjectiveId: sql<string | null>`(select ${objectives.id} from ${objectives}
          where ${objectives.orgId} = ${ctx.orgId} and ${objectives.level} = 'company' and ${objectives.archivedAt} is null
          order by ${objectives.createdAt} limit 1)`,
        cascaded: sql<boolean>`exists (select 1 from ${objectives} where ${objectives.orgId} = ${ctx.orgId}
          and ${objectives.level} = 'team' and ${objectives.parentObjectiveId} is not null)`,
        invited: sql<boolean>`((select count(*) from ${memberships} where ${memberships.orgId} = ${ctx.orgId}) > 1
          or exists (select 1 from ${invitations} where ${invitations.orgId} = ${ctx.orgId}))`,
        checkedIn: sql<boolean>`exists (select 1 from ${checkIns} where ${checkIns.orgId} = ${ctx.orgId})`,
        activeCycleId: sql<string | null>`(select ${cycles.id} from ${cycles} where ${cycles.orgId} = ${ctx.orgId} and ${cycles.status} = 'active'
          order by ${cycles.startDate} desc limit 1)`,
      })
      .from(sql`(select 1) as one`),
  );
  const steps = {
    pilotTeam: Boolean(row?.pilotTeam),
    companyObjective: Boolean(row?.firstCompanyObjectiveId),
    cascaded: Boolean(row?.cascaded),
    invited: Boolean(row?.invited),
    checkedIn: Boolean(row?.checkedIn),
  };
  return {
    steps,
    done: Object.values(steps).every(Boolean),
    firstCompanyObjectiveId: row?.firstCompanyObjectiveId ?? null,
    activeCycleId: row?.activeCycleId ?? null,
  };
}

export interface WorkedExample {
  objective: string;
  keyResults: [string, string, string];
}

/**
 * The worked example from the method: an online shop's first objective with one milestone and two
 * numbers to move, written in the person's language, owned by them, in the active cycle.
 */
export async function createWorkedExample(ctx: TenantContext, cycleId: string, text: WorkedExample): Promise<{ id: string }> {
  const objective = await createObjective(ctx, {
    cycleId,
    level: "company",
    ownerUserId: ctx.userId,
    title: text.objective,
    description: "",
    rollupMode: "key_results",
  });
  const [live, channels, sold] = text.keyResults;
  const base = { description: "", unit: "number" as const, ownerUserId: ctx.userId, weight: "1" };
  await createKeyResult(ctx, objective.id, { ...base, title: live, direction: "milestone", startValue: "0" });
  await createKeyResult(ctx, objective.id, { ...base, title: channels, direction: "increase", startValue: "0", targetValue: "2" });
  await createKeyResult(ctx, objective.id, { ...base, title: sold, direction: "increase", startValue: "0", targetValue: "20" });
  return objective;
}

