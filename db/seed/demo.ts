import { now } from "@/lib/clock";
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Database, Tx } from "@/db/client";
import {
  activity,
  checkIns,
  comments as commentsTable,
  cycles,
  keyResults,
  memberships,
  objectiveProgressHistory,
  objectives,
  organisations,
  teamMembers,
  teams,
  users,
  type NewActivity,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { quarterBefore, quarterContaining } from "@/lib/okr/cycles";
import { buildCycle, type CycleRows } from "./build-okrs";
import { addDays, atTime, isoDay, weekdayOnOrBefore } from "./calendar";
import { comments, currentObjectives } from "./demo-data";
import { DEMO_PASSWORD, demoOrganisation, emailOf, people, pilotPeople, teamSpecs } from "./demo-people";
import { pilotObjectives } from "./demo-pilot";
import { minutesFor } from "./simulate";
import type { PersonKey, TeamKey } from "./story";

export interface DemoLogin {
  name: string;
  email: string;
  role: string;
  teams: string[];
}

export interface DemoSummary {
  orgSlug: string;
  logins: DemoLogin[];
  password: string;
  /** Rows inserted per table; empty when the demo organisation already existed. */
  counts: Record<string, number>;
}

/** Rows per INSERT: far below Postgres' 65 535 parameters for our widest table. */
const CHUNK = 500;

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
  return rows.length;
}

function demoLogins(): DemoLogin[] {
  return people.map((person) => ({
    name: person.name,
    email: emailOf(person),
    role: person.role,
    teams: teamSpecs.filter((team) => team.members.includes(person.key)).map((team) => team.name),
  }));
}

/**
 * Inserts the demo organisation, Nordlys Nettbutikk AS, into a migrated database: twelve people, four
 * teams, a closed pilot quarter and the current quarter with weekly check-ins up to `today`.
 * Does nothing when an organisation with its slug exists. Runs as a superuser (no tenant role).
 */
export async function seedDemo(db: Database, options: { today?: Date; slug?: string } = {}): Promise<DemoSummary> {
  const today = options.today ?? now();
  // Another address makes a copy of the demo beside the real one, for tests that share a database.
  const slug = options.slug ?? demoOrganisation.slug;
  const summary = { orgSlug: slug, logins: demoLogins(), password: DEMO_PASSWORD };
  const existing = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).limit(1);
  if (existing.length > 0) return { ...summary, counts: {} };

  // One argon2 hash for everyone: hashing twelve times would cost half a second for nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const counts = await db.transaction((tx) => insertDemo(tx, today, passwordHash, slug));
  return { ...summary, counts };
}

async function insertDemo(tx: Tx, today: Date, passwordHash: string, slug: string): Promise<Record<string, number>> {
  const orgId = randomUUID();
  // UTC calendar day, so the quarter does not depend on the machine's time zone.
  const current = quarterContaining(isoDay(today), demoOrganisation.fiscalYearStartMonth);
  const previous = quarterBefore(current, demoOrganisation.fiscalYearStartMonth);
  const foundedAt = atTime(weekdayOnOrBefore(addDays(previous.startDate, -14)), 9, 12);
  const rolloutAt = atTime(weekdayOnOrBefore(addDays(current.startDate, -10)), 9, 30);
  const joinedAt = (person: PersonKey) => (pilotPeople.has(person) ? foundedAt : rolloutAt);

  // Users are global: a person left behind by a deleted demo organisation is reused, not duplicated.
  const emails = people.map(emailOf);
  const found = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const userIds = new Map(found.map((user) => [user.email.toLowerCase(), user.id]));
  const newUsers = people
    .filter((person) => !userIds.has(emailOf(person)))
    .map((person) => {
      const id = randomUUID();
      userIds.set(emailOf(person), id);
      const createdAt = joinedAt(person.key);
      return { id, email: emailOf(person), name: person.name, passwordHash, locale: person.locale, createdAt, updatedAt: createdAt };
    });
  const userId = (key: PersonKey) => {
    const person = people.find((candidate) => candidate.key === key);
    const id = person && userIds.get(emailOf(person));
    if (!id) throw new Error(`Demo data: unknown person "${key}"`);
    return id;
  };
  const teamIdByKey = new Map(teamSpecs.map((team) => [team.key, randomUUID()]));
  const teamId = (key: TeamKey) => {
    const id = teamIdByKey.get(key);
    if (!id) throw new Error(`Demo data: unknown team "${key}"`);
    return id;
  };

  const counts: Record<string, number> = {};
  counts.users = await insertChunked(tx, users, newUsers);
  await tx.insert(organisations).values({ id: orgId, ...demoOrganisation, slug, createdAt: foundedAt, updatedAt: foundedAt });
  counts.organisations = 1;
  counts.memberships = await insertChunked(
    tx,
    memberships,
    people.map((person) => ({ orgId, userId: userId(person.key), role: person.role, createdAt: joinedAt(person.key), updatedAt: joinedAt(person.key) })),
  );
  counts.teams = await insertChunked(
    tx,
    teams,
    teamSpecs.map((team) => {
      const createdAt = team.inPilot ? foundedAt : rolloutAt;
      const parentTeamId = team.parent ? teamId(team.parent) : null;
      return { orgId, id: teamId(team.key), name: team.name, description: team.description, parentTeamId, leadUserId: userId(team.lead), createdAt, updatedAt: createdAt };
    }),
  );
  counts.teamMembers = await insertChunked(
    tx,
    teamMembers,
    teamSpecs.flatMap((team) =>
      team.members.map((member) => {
        const createdAt = team.inPilot ? foundedAt : rolloutAt;
        return { orgId, teamId: teamId(team.key), userId: userId(member), createdAt, updatedAt: createdAt };
      }),
    ),
  );

  const closedAt = new Date(Math.min(atTime(current.startDate, 9).getTime(), today.getTime()));
  const previousId = randomUUID();
  const currentId = randomUUID();
  counts.cycles = await insertChunked(tx, cycles, [
    { orgId, id: previousId, ...previous, status: "closed", closedAt, createdAt: foundedAt, updatedAt: closedAt },
    // Activated the moment the pilot closed.
    { orgId, id: currentId, ...current, status: "active", createdAt: rolloutAt, updatedAt: closedAt },
  ]);

  const common = { orgId, today, userId, teamId };
  const pilot = buildCycle({ ...common, cycleId: previousId, cycle: previous, status: "closed", closedAt, objectives: pilotObjectives });
  const quarter = buildCycle({ ...common, cycleId: currentId, cycle: current, status: "active", objectives: currentObjectives });
  const built: CycleRows[] = [pilot, quarter];

  // Parents and their key results before the objectives that align to them (the key-result
  // alignment is a foreign key to key_results, which in turn points at objectives).
  const depths = Math.max(...built.map((rows) => rows.generations.length));
  counts.objectives = 0;
  counts.keyResults = 0;
  for (let depth = 0; depth < depths; depth++) {
    counts.objectives += await insertChunked(tx, objectives, built.flatMap((rows) => rows.generations[depth]?.objectives ?? []));
    counts.keyResults += await insertChunked(tx, keyResults, built.flatMap((rows) => rows.generations[depth]?.keyResults ?? []));
  }
  counts.checkIns = await insertChunked(tx, checkIns, built.flatMap((rows) => rows.checkIns));
  counts.progressHistory = await insertChunked(tx, objectiveProgressHistory, built.flatMap((rows) => rows.history));

  const commentRows = buildComments(orgId, current.startDate, today, quarter, userId);
  counts.comments = await insertChunked(tx, commentsTable, commentRows.map(({ row }) => row));
  counts.activity = await insertChunked(tx, activity, [...built.flatMap((rows) => rows.activity), ...commentRows.map(({ event }) => event)]);
  // The pilot cycle was written closed: record its quarter statistics as closing it would have (migration 0009).
  await tx.execute(sql`select record_missing_cycle_statistics()`);
  return counts;
}

/** The comments of demo-data.ts, spread over the cycle so far at office hours, never after today. */
function buildComments(orgId: string, cycleStart: string, today: Date, quarter: CycleRows, userId: (key: PersonKey) => string) {
  const from = atTime(addDays(cycleStart, 2), 9).getTime();
  const span = Math.max(0, today.getTime() - from);
  return comments.map((comment, index) => {
    const objectiveId = quarter.objectiveIds.get(comment.objective);
    if (!objectiveId) throw new Error(`Demo data: unknown objective "${comment.objective}"`);
    const name = `${comment.objective}-comment-${index}`;
    let createdAt = atTime(isoDay(new Date(from + span * comment.at)), 9 + (minutesFor(name, 6000) % 7), minutesFor(name));
    if (createdAt >= today) createdAt = new Date(today.getTime() - (comments.length - index) * 11 * 60_000);
    const id = randomUUID();
    const authorUserId = userId(comment.author);
    const event: NewActivity = {
      orgId,
      actorUserId: authorUserId,
      action: "comment.created",
      entityType: "comment",
      entityId: id,
      objectiveId,
      teamId: quarter.objectiveTeams.get(comment.objective) ?? null,
      after: { body: comment.body },
      createdAt,
    };
    return { row: { orgId, id, objectiveId, authorUserId, body: comment.body, createdAt, updatedAt: createdAt }, event };
  });
}
