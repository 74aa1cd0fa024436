import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { cycles, keyResults, memberships, objectives, organisations, users, type MembershipRole } from "@/db/schema";

/**
 * Minimal rows written as the connecting (super)user, below the app's role and its policies:
 * for tests that examine the database's own guarantees.
 */
export async function insertOrganisation(db: Database, label = "org") {
  const suffix = randomUUID().slice(0, 8);
  const [org] = await db
    .insert(organisations)
    .values({ name: `${label} ${suffix}`, slug: `${label}-${suffix}` })
    .returning();
  if (!org) throw new Error("no organisation");
  return org;
}

export async function insertUser(db: Database, name = "Test Person") {
  const [user] = await db
    .insert(users)
    .values({ name, email: `${randomUUID()}@example.test`, passwordHash: "not-a-real-hash" })
    .returning();
  if (!user) throw new Error("no user");
  return user;
}

export async function insertMember(db: Database, orgId: string, role: MembershipRole = "member", name?: string) {
  const user = await insertUser(db, name);
  await db.insert(memberships).values({ orgId, userId: user.id, role });
  return user;
}

export async function insertCycle(db: Database, orgId: string, status: "planning" | "active" | "closed" = "active") {
  const [cycle] = await db
    .insert(cycles)
    .values({ orgId, name: "Q4 2026", startDate: "2026-10-01", endDate: "2026-12-31", status })
    .returning();
  if (!cycle) throw new Error("no cycle");
  return cycle;
}

/** An organisation with an owner, an active cycle, a company objective and one key result. */
export async function insertOrganisationWithGoal(db: Database, label = "org") {
  const org = await insertOrganisation(db, label);
  const owner = await insertMember(db, org.id, "owner");
  const cycle = await insertCycle(db, org.id);
  const [objective] = await db
    .insert(objectives)
    .values({ orgId: org.id, cycleId: cycle.id, level: "company", ownerUserId: owner.id, title: `Goal of ${org.name}` })
    .returning();
  if (!objective) throw new Error("no objective");
  const [keyResult] = await db
    .insert(keyResults)
    .values({ orgId: org.id, objectiveId: objective.id, title: "Reach 100", targetValue: "100", ownerUserId: owner.id, dueDate: cycle.endDate })
    .returning();
  if (!keyResult) throw new Error("no key result");
  return { org, owner, cycle, objective, keyResult };
}
