import { randomUUID } from "node:crypto";
import { eq, getTableName, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "@/db/client";
import * as schema from "@/db/schema";
import { checkIns, keyResults, objectives } from "@/db/schema";
import { withOrganisation, withoutTenant, withScheduler } from "@/lib/tenant-scope";
import { setupTestDatabase } from "@/tests/db";
import { rejectionMessages } from "@/tests/errors";
import { insertOrganisationWithGoal } from "@/tests/fixtures";
import { z } from "zod";
import { parseRows } from "@/lib/services/sql-rows";

const getDb = setupTestDatabase();

/** Every table that carries org_id: each must be behind row-level security. */
const tenantTables = Object.values(schema).filter(
  (value): value is typeof objectives =>
    typeof value === "object" && value !== null && "orgId" in value && Symbol.for("drizzle:IsDrizzleTable") in value,
);

let db: Database;
let a: Awaited<ReturnType<typeof insertOrganisationWithGoal>>;
let b: Awaited<ReturnType<typeof insertOrganisationWithGoal>>;

beforeAll(async () => {
  db = await getDb();
  a = await insertOrganisationWithGoal(db, "alpha");
  b = await insertOrganisationWithGoal(db, "beta");
  await db.insert(checkIns).values({ orgId: a.org.id, keyResultId: a.keyResult.id, authorUserId: a.owner.id, value: "10", confidence: "on_track" });
});

describe("row-level security", () => {
  it("covers every tenant table", () => {
    expect(tenantTables.map(getTableName).sort()).toEqual(
      [
        "activity",
        "api_tokens",
        "check_ins",
        "comment_notifications",
        "comments",
        "cycle_statistics",
        "cycles",
        "integration_deliveries",
        "integration_endpoints",
        "invitations",
        "key_results",
        "memberships",
        "objective_progress_history",
        "objectives",
        "outbox",
        "team_members",
        "teams",
      ].sort(),
    );
  });

  it("is enabled and forced on every tenant table and on organisations", async () => {
    const names = [...tenantTables.map(getTableName), "organisations"];
    const list = parseRows(
      z.object({ relname: z.string(), relrowsecurity: z.boolean(), relforcerowsecurity: z.boolean() }),
      await db.execute(sql`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname in ${names} and relkind = 'r'`),
    );
    expect(list).toHaveLength(names.length);
    for (const row of list) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it("returns no rows from any tenant table to a query made without the tenant setting", async () => {
    for (const table of [...tenantTables, schema.organisations]) {
      const rows = await withoutTenant((tx) => tx.select().from(table));
      expect(rows, getTableName(table)).toEqual([]);
    }
  });

  it("lets the job scheduler read organisations' schedules and nothing of their data", async () => {
    const orgs = await withScheduler((tx) => tx.select({ id: schema.organisations.id }).from(schema.organisations));
    expect(orgs.map((org) => org.id)).toEqual(expect.arrayContaining([a.org.id, b.org.id]));
    for (const table of tenantTables.filter((table) => table !== (schema.outbox as unknown))) {
      expect(await withScheduler((tx) => tx.select().from(table)), getTableName(table)).toEqual([]);
    }
    const rename = withScheduler((tx) => tx.update(schema.organisations).set({ name: "Renamed" }).where(eq(schema.organisations.id, a.org.id)).returning());
    expect(await rename).toEqual([]);
  });

  it("shows one organisation's rows and none of another's, even without a where clause", async () => {
    const seen = await withOrganisation(a.org.id, a.owner.id, (tx) => tx.select({ orgId: objectives.orgId }).from(objectives));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((row) => row.orgId))).toEqual(new Set([a.org.id]));
  });

  it("refuses to write a row into another organisation", async () => {
    const write = withOrganisation(a.org.id, a.owner.id, (tx) =>
      tx.insert(objectives).values({ orgId: b.org.id, cycleId: b.cycle.id, level: "company", ownerUserId: a.owner.id, title: "Smuggled" }),
    );
    await expect(write).rejects.toThrow();
    const stored = await db.select().from(objectives).where(eq(objectives.title, "Smuggled"));
    expect(stored).toEqual([]);
  });

  it("cannot update or delete another organisation's rows", async () => {
    await withOrganisation(a.org.id, a.owner.id, async (tx) => {
      await tx.update(objectives).set({ title: "Hijacked" }).where(eq(objectives.id, b.objective.id));
      await tx.delete(keyResults).where(eq(keyResults.id, b.keyResult.id));
    });
    const [objective] = await db.select().from(objectives).where(eq(objectives.id, b.objective.id));
    const [keyResult] = await db.select().from(keyResults).where(eq(keyResults.id, b.keyResult.id));
    expect(objective?.title).toBe(b.objective.title);
    expect(keyResult).toBeDefined();
  });
});

describe("composite foreign keys", () => {
  it("refuse a key result that points at another organisation's objective", async () => {
    // Written below the app role: not RLS but the (org_id, objective_id) key itself refuses it.
    const insert = db.insert(keyResults).values({
      orgId: b.org.id,
      objectiveId: a.objective.id,
      title: "Cross-tenant",
      targetValue: "1",
      ownerUserId: b.owner.id,
      dueDate: "2026-12-31",
    });
    await expect(insert).rejects.toThrow();
  });

  it("refuse an objective aligned to another organisation's objective", async () => {
    const insert = db.insert(objectives).values({
      orgId: b.org.id,
      cycleId: b.cycle.id,
      level: "company",
      ownerUserId: b.owner.id,
      parentObjectiveId: a.objective.id,
      title: "Aligned across tenants",
    });
    await expect(insert).rejects.toThrow();
  });

  it("refuse aligning to a key result of a different objective", async () => {
    const [other] = await db
      .insert(objectives)
      .values({ orgId: a.org.id, cycleId: a.cycle.id, level: "company", ownerUserId: a.owner.id, title: "Another goal" })
      .returning();
    const insert = db.insert(objectives).values({
      orgId: a.org.id,
      cycleId: a.cycle.id,
      level: "company",
      ownerUserId: a.owner.id,
      parentObjectiveId: other?.id,
      parentKeyResultId: a.keyResult.id,
      title: "Mismatched alignment",
    });
    await expect(insert).rejects.toThrow();
  });
});

describe("append-only history", () => {
  it("lets the app role add check-ins but never change or remove them", async () => {
    await withOrganisation(a.org.id, a.owner.id, (tx) =>
      tx.insert(checkIns).values({ orgId: a.org.id, keyResultId: a.keyResult.id, authorUserId: a.owner.id, value: "20", confidence: "at_risk" }),
    );
    expect(
      await rejectionMessages(
        withOrganisation(a.org.id, a.owner.id, (tx) => tx.update(checkIns).set({ value: "99" }).where(eq(checkIns.orgId, a.org.id))),
      ),
    ).toMatch(/permission denied/);
    expect(
      await rejectionMessages(withOrganisation(a.org.id, a.owner.id, (tx) => tx.delete(checkIns).where(eq(checkIns.orgId, a.org.id)))),
    ).toMatch(/permission denied/);
    const stored = await db.select({ value: checkIns.value }).from(checkIns).where(eq(checkIns.orgId, a.org.id));
    expect(stored.map((row) => row.value).sort()).toEqual(["10", "20"]);
  });

  it("runs tenant transactions as a role that owns nothing and cannot bypass policies", async () => {
    const [row] = await withOrganisation(a.org.id, randomUUID(), async (tx) =>
      rowsOf(
        await tx.execute(
          sql`select current_user, r.rolbypassrls, r.rolsuper,
                (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
              from pg_roles r where r.rolname = current_user`,
        ),
      ),
    );
    expect(row).toEqual({ current_user: "retning_app", rolbypassrls: false, rolsuper: false, owns: 0 });
  });
});
