import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, keyResults, objectives, teams, users, type ObjectiveLevel, type RollupMode } from "@/db/schema";
import { now } from "@/lib/clock";
import { STATUSES, type Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { keyResultSeveritySql, severityToStatusSql } from "./status-sql";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";
import { objectiveLevels, rollupModes } from "@/lib/domain";

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

export const objectiveCardJson = documents<ObjectiveCard>()(
  z.object({
    id: idJson,
    cycleId: idJson,
    title: z.string(),
    level: z.enum(objectiveLevels),
    teamId: idJson.nullable(),
    teamName: z.string().nullable(),
    ownerUserId: idJson,
    ownerName: z.string(),
    parentObjectiveId: idJson.nullable(),
    parentKeyResultId: idJson.nullable(),
    progress: z.number(),
    rollupMode: z.enum(rollupModes),
    score: z.number().nullable(),
    keyResultCount: z.number().int(),
    status: z.enum(STATUSES).nullable(),
    archived: z.boolean(),
    childCount: z.number().int(),
  }),
);

/**
 * The severity (statusSeveritySql) of an objective's worst key result, null without any: what
 * ObjectiveCard.status shows, and what a status filter compares. Needs `cycles` joined.
 */
export const worstSeveritySql = (at: Date) =>
  sql<number | null>`(select max(${keyResultSeveritySql(at)}) from ${keyResults} where ${keyResults.orgId} = ${objectives.orgId} and ${keyResults.objectiveId} = ${objectives.id})`;

/** The columns of an ObjectiveCard, its status judged at `at`. */
export const objectiveCardColumns = (at: Date = now()) => ({
  id: objectives.id,
  cycleId: objectives.cycleId,
  title: objectives.title,
  level: objectives.level,
  teamId: objectives.teamId,
  teamName: sql<string | null>`(select ${teams.name} from ${teams} where ${teams.orgId} = ${objectives.orgId} and ${teams.id} = ${objectives.teamId})`,
  ownerUserId: objectives.ownerUserId,
  ownerName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${objectives.ownerUserId})`,
  parentObjectiveId: objectives.parentObjectiveId,
  parentKeyResultId: objectives.parentKeyResultId,
  progress: sql<number>`${objectives.progress}::float8`,
  rollupMode: objectives.rollupMode,
  score: sql<number | null>`${objectives.score}::float8`,
  keyResultCount: sql<number>`(select count(*)::int from ${keyResults} where ${keyResults.orgId} = ${objectives.orgId} and ${keyResults.objectiveId} = ${objectives.id})`,
  status: severityToStatusSql(worstSeveritySql(at)),
  archived: sql<boolean>`${objectives.archivedAt} is not null`,
  childCount: sql<number>`(select count(*)::int from ${objectives} c where c.org_id = ${objectives.orgId} and c.parent_objective_id = ${objectives.id} and c.archived_at is null)`,
});

const cardCycleJoin = and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId));
const cardTeamJoin = and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId));

/**
 * Objective cards matching `where`, in one query: the cycle is joined; the owner's and team's
 * names, the counts and the worst status are correlated subqueries on primary keys and the
 * (org_id, objective_id) indexes, so the cost follows the cards returned. (Joined, Postgres
 * misjudged short lists and hashed the whole users table — every tenant's people — per query.)
 */
export function selectObjectiveCards(tx: Tx, ctx: TenantContext, where: SQL | undefined) {
  return tx
    .select(objectiveCardColumns())
    .from(objectives)
    .innerJoin(cycles, cardCycleJoin)
    .where(and(eq(objectives.orgId, ctx.orgId), where));
}

/** A card in a paginated list: when it last changed, also as exact text for a keyset cursor. */
export interface ObjectiveListCard extends ObjectiveCard {
  updatedAt: Date;
  /** updated_at to the microsecond (a Date keeps milliseconds), for cursors that sort by it. */
  updatedKey: string;
}

export const objectiveListCardJson = documents<ObjectiveListCard>()(objectiveCardJson.extend({ updatedAt: timestampJson, updatedKey: z.string() }));

export const objectiveListColumns = () => ({
  ...objectiveCardColumns(),
  // Joined here: lists sort and filter by them.
  teamName: teams.name,
  ownerName: users.name,
  updatedAt: objectives.updatedAt,
  updatedKey: sql<string>`${objectives.updatedAt}::text`,
});

/** selectObjectiveCards for paginated lists (explorer, person, team): the same joins, two more columns. */
export function selectObjectiveListCards(tx: Tx, ctx: TenantContext, where: SQL | undefined) {
  return tx
    .select(objectiveListColumns())
    .from(objectives)
    .innerJoin(users, eq(users.id, objectives.ownerUserId))
    .innerJoin(cycles, cardCycleJoin)
    .leftJoin(teams, cardTeamJoin)
    .where(and(eq(objectives.orgId, ctx.orgId), where));
}

/** Company objectives first, then team, then individual; by title within a level. */
export const levelOrder = sql`case ${objectives.level} when 'company' then 0 when 'team' then 1 else 2 end`;
