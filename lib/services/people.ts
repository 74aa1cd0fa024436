import "server-only";
import { and, asc, desc, eq, ilike, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { checkIns, cycles, keyResults, memberships, objectives, teamMembers, teams, users, type KeyResult, type MembershipRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Status } from "@/lib/okr/progress";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import { keyResultMeasureColumns, keyResultUnitColumns, type KeyResultMeasureFields, type KeyResultUnitFields } from "./key-result-measure";
import { escapeLike, memberTeamsSql } from "./members";
import { levelOrder, selectObjectiveCards, type ObjectiveCard } from "./objective-cards";
import { decodeCursor, encodeCursor, type Page } from "./pagination";
import { keyResultStatusSql } from "./status-sql";

export const PEOPLE_PAGE_SIZE = 25;
export const PERSON_OBJECTIVES_LIMIT = 100;
export const PERSON_KEY_RESULTS_LIMIT = 50;
export const PERSON_CHECK_INS_LIMIT = 10;

export interface PersonSummary {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  teams: Array<{ id: string; name: string }>;
  /** Objectives they own in the cycle asked for (archived ones not counted). */
  objectiveCount: number;
}

const matchesPerson = (q: string | undefined) =>
  q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)) : undefined;

export interface PeoplePage extends Page<PersonSummary> {
  /** `before` for the previous page; null on the first. */
  prevCursor: string | null;
  total: number;
}

/**
 * The people directory: members by name, a page at a time (keyset, either way), with their teams
 * and how many objectives they own in the cycle. Two queries, whatever the size of the organisation.
 */
export async function listPeople(
  ctx: TenantContext,
  options: { q?: string; after?: string; before?: string; cycleId?: string | null; pageSize?: number } = {},
): Promise<PeoplePage> {
  const pageSize = options.pageSize ?? PEOPLE_PAGE_SIZE;
  const after = readCursor(options.after);
  const before = after ? null : readCursor(options.before);
  const cursor = after ?? before;
  const cycleId = options.cycleId ?? null;
  return withTenant(ctx, async (tx) => {
    const rows = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        teams: memberTeamsSql,
        objectiveCount: cycleId
          ? sql<number>`(select count(*)::int from ${objectives} where ${objectives.orgId} = ${memberships.orgId} and ${objectives.cycleId} = ${cycleId}
              and ${objectives.ownerUserId} = ${memberships.userId} and ${objectives.archivedAt} is null)`
          : sql<number>`0`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.orgId, ctx.orgId),
          matchesPerson(options.q),
          cursor ? sql`(${users.name}, ${users.id}) ${sql.raw(before ? "<" : ">")} (${cursor.name}, ${cursor.id}::uuid)` : undefined,
        ),
      )
      .orderBy(...(before ? [desc(users.name), desc(users.id)] : [asc(users.name), asc(users.id)]))
      .limit(pageSize + 1);
    const [{ total } = { total: 0 }] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), matchesPerson(options.q)));
    const more = rows.length > pageSize;
    const items = rows.slice(0, pageSize);
    if (before) items.reverse();
    const cursorOf = (row: PersonSummary | undefined) => (row ? encodeCursor([row.name], row.userId) : null);
    return {
      items,
      nextCursor: before || more ? cursorOf(items.at(-1)) : null,
      prevCursor: before ? (more ? cursorOf(items[0]) : null) : after ? cursorOf(items[0]) : null,
      total: Number(total),
    };
  });
}

function readCursor(cursor: string | undefined): { name: string; id: string } | null {
  const decoded = decodeCursor(cursor, 1);
  const name = decoded?.values[0];
  return decoded && typeof name === "string" ? { name, id: decoded.id } : null;
}

/** A key result someone owns on an objective someone else owns. */
export interface KeyResultElsewhere extends KeyResultMeasureFields {
  id: string;
  title: string;
  progress: number;
  status: Status;
  objectiveId: string;
  objectiveTitle: string;
  objectiveOwnerName: string;
}

export interface PersonCheckIn extends KeyResultUnitFields {
  id: string;
  createdAt: Date;
  value: string;
  previousValue: string | null;
  confidence: NonNullable<KeyResult["lastConfidence"]>;
  note: string;
  keyResultId: string;
  keyResultTitle: string;
  objectiveId: string;
  objectiveTitle: string;
}

export interface PersonDetail {
  person: { userId: string; name: string; email: string; role: MembershipRole; joinedAt: Date };
  teams: Array<{ id: string; name: string; leads: boolean }>;
  /** Theirs in the cycle, company first, at most PERSON_OBJECTIVES_LIMIT. */
  objectives: ObjectiveCard[];
  keyResultsElsewhere: KeyResultElsewhere[];
  /** Their latest check-ins in any cycle, newest first. */
  checkIns: PersonCheckIn[];
}

const objectiveOwner = alias(users, "objective_owner");

/**
 * One member's page: who they are, their teams, their objectives and the key results they carry
 * for others in a cycle, and their latest check-ins. Five queries. Someone who is not a member of
 * this organisation (another organisation's, or nobody) is not found.
 */
export async function getPerson(ctx: TenantContext, userId: string, cycleId: string | null): Promise<PersonDetail> {
  return withTenant(ctx, async (tx) => {
    const [person] = await tx
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    if (!person) throw new AppError("not_found", "errors.not_found");

    const teamRows = await tx
      .select({ id: teams.id, name: teams.name, leads: sql<boolean>`${teams.leadUserId} is not distinct from ${userId}::uuid` })
      .from(teamMembers)
      .innerJoin(teams, and(eq(teams.orgId, teamMembers.orgId), eq(teams.id, teamMembers.teamId)))
      .where(and(eq(teamMembers.orgId, ctx.orgId), eq(teamMembers.userId, userId)))
      .orderBy(asc(teams.name));

    const owned = cycleId
      ? await selectObjectiveCards(tx, ctx, and(eq(objectives.cycleId, cycleId), eq(objectives.ownerUserId, userId), isNull(objectives.archivedAt)))
          .orderBy(levelOrder, asc(objectives.title), asc(objectives.id))
          .limit(PERSON_OBJECTIVES_LIMIT)
      : [];

    const elsewhere = cycleId
      ? await tx
          .select({
            id: keyResults.id,
            title: keyResults.title,
            progress: sql<number>`${keyResults.progress}::float8`,
            status: keyResultStatusSql(),
            ...keyResultMeasureColumns,
            objectiveId: objectives.id,
            objectiveTitle: objectives.title,
            objectiveOwnerName: objectiveOwner.name,
          })
          .from(keyResults)
          .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
          .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
          .innerJoin(objectiveOwner, eq(objectiveOwner.id, objectives.ownerUserId))
          .where(
            and(
              eq(keyResults.orgId, ctx.orgId),
              eq(keyResults.ownerUserId, userId),
              ne(objectives.ownerUserId, userId),
              eq(objectives.cycleId, cycleId),
              isNull(objectives.archivedAt),
            ),
          )
          .orderBy(asc(objectives.title), asc(keyResults.position), asc(keyResults.id))
          .limit(PERSON_KEY_RESULTS_LIMIT)
      : [];

    const recent = await tx
      .select({
        id: checkIns.id,
        createdAt: checkIns.createdAt,
        value: checkIns.value,
        previousValue: checkIns.previousValue,
        confidence: checkIns.confidence,
        note: checkIns.note,
        keyResultId: keyResults.id,
        keyResultTitle: keyResults.title,
        ...keyResultUnitColumns,
        objectiveId: objectives.id,
        objectiveTitle: objectives.title,
      })
      .from(checkIns)
      .innerJoin(keyResults, and(eq(keyResults.orgId, checkIns.orgId), eq(keyResults.id, checkIns.keyResultId)))
      .innerJoin(objectives, and(eq(objectives.orgId, keyResults.orgId), eq(objectives.id, keyResults.objectiveId)))
      .where(and(eq(checkIns.orgId, ctx.orgId), eq(checkIns.authorUserId, userId)))
      .orderBy(desc(checkIns.createdAt), desc(checkIns.id))
      .limit(PERSON_CHECK_INS_LIMIT);

    return { person, teams: teamRows, objectives: owned, keyResultsElsewhere: elsewhere, checkIns: recent };
  });
}
