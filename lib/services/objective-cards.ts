import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, objectives, teams, users, type ObjectiveLevel, type RollupMode } from "@/db/schema";
import type { Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant";
import { keyResultStatusSql, severityToStatusSql, statusSeveritySql } from "./status-sql";

/** What every list of objectives shows about one: tree, explorer, person and team pages. */
export interface ObjectiveCard {
  id: string;
  cycleId: string;
  title: string;
  level: ObjectiveLevel;
  teamId: string | null;
  teamName: string | null;
  ownerUserId: string;
  ownerName: string;
  parentObjectiveId: string | null;
  parentKeyResultId: string | null;
  progress: number;
  rollupMode: RollupMode;
  score: number | null;
  keyResultCount: number;
  /** The worst status among its key results (stale outranks everything); null without any. */
  status: Status | null;
  archived: boolean;
  childCount: number;
}

export const objectiveCardColumns = {
  id: objectives.id,
  cycleId: objectives.cycleId,
  title: objectives.title,
  level: objectives.level,
  teamId: objectives.teamId,
  teamName: teams.name,
  ownerUserId: objectives.ownerUserId,
  ownerName: users.name,
  parentObjectiveId: objectives.parentObjectiveId,
  parentKeyResultId: objectives.parentKeyResultId,
  progress: sql<number>`${objectives.progress}::float8`,
  rollupMode: objectives.rollupMode,
  score: sql<number | null>`${objectives.score}::float8`,
  keyResultCount: sql<number>`(select count(*)::int from ${keyResults} where ${keyResults.orgId} = ${objectives.orgId} and ${keyResults.objectiveId} = ${objectives.id})`,
  status: severityToStatusSql(
    sql`(select max(${statusSeveritySql(keyResultStatusSql())}) from ${keyResults} where ${keyResults.orgId} = ${objectives.orgId} and ${keyResults.objectiveId} = ${objectives.id})`,
  ),
  archived: sql<boolean>`${objectives.archivedAt} is not null`,
  childCount: sql<number>`(select count(*)::int from ${objectives} c where c.org_id = ${objectives.orgId} and c.parent_objective_id = ${objectives.id} and c.archived_at is null)`,
};


/**
 * Objective cards matching `where`, in one query: the owner, team and cycle are joined; counts and
 * the worst status are correlated subqueries that use the (org_id, objective_id) indexes.
 */
export function selectObjectiveCards(tx: Tx, ctx: TenantContext, where: SQL | undefined) {
  return tx
    .select(objectiveCardColumns)
    .from(objectives)
    .innerJoin(users, eq(users.id, objectives.ownerUserId))
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .leftJoin(teams, and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId)))
    .where(and(eq(objectives.orgId, ctx.orgId), where));
}

/** Company objectives first, then team, then individual; by title within a level. */
export const levelOrder = sql`case ${objectives.level} when 'company' then 0 when 'team' then 1 else 2 end`;
