import { beforeAll, describe, expect, it } from "vitest";
import { keyResultDirections, keyResultUnits } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { setupTestDatabase } from "@/tests/db";
import { largeOrgLogins } from "./logins";
import { seedLarge, type LargeSeedResult } from "./seed";
import { targetFor, type Session } from "./sql";
import { verifyOrganisation } from "./verify";

const getDb = setupTestDatabase();

// A fixed day: the organisation is the same whenever the test runs.
const today = "2026-11-27";

async function session(): Promise<Session> {
  return (await targetFor(await getDb())).session;
}

async function one<T extends object>(text: string, params: Array<string | number> = []): Promise<T> {
  const [row] = await (await session()).query<T>(text, params);
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}

/** A digest of what the seed decides, to compare two runs. */
async function fingerprint(orgId: string): Promise<string> {
  const row = await one<{ digest: string }>(
    `select md5(concat_ws('|',
       (select string_agg(concat_ws(',', id, title, progress, score, parent_objective_id, created_at), ';' order by id) from objectives where org_id = $1),
       (select string_agg(concat_ws(',', id, title, current_value, progress, last_check_in_at), ';' order by id) from key_results where org_id = $1),
       (select string_agg(concat_ws(',', id, value, confidence, note, created_at), ';' order by id) from check_ins where org_id = $1),
       (select string_agg(concat_ws(',', objective_id, day, progress), ';' order by objective_id, day) from objective_progress_history where org_id = $1))) as digest`,
    [orgId],
  );
  return row.digest;
}

describe("seedLarge, size S", () => {
  const state: { result?: LargeSeedResult } = {};
  const result = () => {
    if (!state.result?.orgId) throw new Error("not seeded");
    return { ...state.result, orgId: state.result.orgId };
  };

  beforeAll(async () => {
    state.result = await seedLarge(await targetFor(await getDb()), { size: "S", reset: true, today });
  }, 60_000);

  it("creates large-s with the counts of its size, quickly", () => {
    const { created, counts, slug } = result();
    expect(created).toBe(true);
    expect(slug).toBe("large-s");
    expect(counts).toMatchObject({ memberships: 50, teams: 6, team_members: 50, cycles: 2 });
    const { objectives = 0, key_results: keyResults = 0, check_ins: checkIns = 0, activity = 0 } = counts;
    // About three objectives per person over two cycles, three key results each, ~10 check-ins each.
    expect(objectives).toBeGreaterThanOrEqual(120);
    expect(objectives).toBeLessThanOrEqual(200);
    expect(keyResults / objectives).toBeGreaterThan(2.5);
    expect(keyResults / objectives).toBeLessThan(3.5);
    expect(checkIns / keyResults).toBeGreaterThan(8);
    expect(checkIns / keyResults).toBeLessThan(12);
    expect(activity).toBe(Math.min(5_000, checkIns));
  });

  it("has an owner, four admins and members, all in one team each, signing in with one password", async () => {
    const { orgId } = result();
    const roles = await (await session()).query<{ role: string; n: number }>(
      "select role::text, count(*)::int as n from memberships where org_id = $1 group by role order by role",
      [orgId],
    );
    expect(roles).toEqual([{ role: "admin", n: 4 }, { role: "member", n: 45 }, { role: "owner", n: 1 }]);
    const owner = await one<{ email: string; password_hash: string; role: string }>(
      "select u.email, u.password_hash, m.role::text from users u join memberships m on m.user_id = u.id where m.org_id = $1 and u.email = $2",
      [orgId, "p00001@large-s.example"],
    );
    expect(owner.role).toBe("owner");
    expect(await verifyPassword(owner.password_hash, "retning-demo")).toBe(true);
    const hashes = await one<{ n: number }>("select count(distinct u.password_hash)::int as n from users u join memberships m on m.user_id = u.id where m.org_id = $1", [orgId]);
    expect(hashes.n).toBe(1);
  });

  it("has an active current quarter and a closed previous one", async () => {
    const { orgId } = result();
    const cycles = await (await session()).query<{ name: string; status: string; start_date: string; end_date: string }>(
      "select name, status::text, start_date::text, end_date::text from cycles where org_id = $1 order by start_date",
      [orgId],
    );
    expect(cycles).toEqual([
      { name: "Q3 2026", status: "closed", start_date: "2026-07-01", end_date: "2026-09-30" },
      { name: "Q4 2026", status: "active", start_date: "2026-10-01", end_date: "2026-12-31" },
    ]);
  });

  it("stores progress, scores, latest check-ins and history as lib/okr/progress.ts gives them", async () => {
    const { orgId } = result();
    const verification = await verifyOrganisation(await session(), orgId, { today, keyResults: 1_000, objectives: 200 });
    expect(verification.problems).toEqual([]);
    expect(verification.keyResultsSampled).toBe(result().counts.key_results);
  });

  it("uses every direction and unit, aligns most objectives and leaves some key results stale", async () => {
    const { orgId } = result();
    const s = await session();
    const kinds = await s.query<{ direction: string; unit: string }>("select distinct direction::text, unit::text from key_results where org_id = $1", [orgId]);
    expect(new Set(kinds.map((k) => k.direction))).toEqual(new Set(keyResultDirections));
    expect(new Set(kinds.map((k) => k.unit))).toEqual(new Set(keyResultUnits));
    const aligned = await one<{ share: number }>(
      "select avg((parent_objective_id is not null)::int)::float8 as share from objectives where org_id = $1 and level <> 'company'",
      [orgId],
    );
    expect(aligned.share).toBeGreaterThan(0.85);
    expect(aligned.share).toBeLessThan(1);
    const stale = await one<{ n: number }>(
      `select count(*)::int as n from key_results k join objectives o on o.org_id = k.org_id and o.id = k.objective_id
         join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
        where k.org_id = $1 and c.status = 'active' and k.last_check_in_at < $2::timestamptz - interval '14 days'`,
      [orgId, `${today}T00:00:00Z`],
    );
    expect(stale.n).toBeGreaterThan(0);
  });

  it("names sign-ins for benchmarks: the owner, a team lead and a member who own key results", async () => {
    const { orgId, logins } = result();
    expect(logins).toEqual(largeOrgLogins("S"));
    const people = await (await session()).query<{ email: string; role: string; leads: number; key_results: number }>(
      `select u.email, m.role::text,
              (select count(*) from teams t where t.org_id = m.org_id and t.lead_user_id = u.id)::int as leads,
              (select count(*) from key_results k join objectives o on o.org_id = k.org_id and o.id = k.objective_id
                 join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
                where k.org_id = m.org_id and k.owner_user_id = u.id and c.status = 'active')::int as key_results
         from users u join memberships m on m.user_id = u.id
        where m.org_id = $1 and u.email in ($2, $3, $4)`,
      [orgId, logins.owner, logins.teamLead, logins.member],
    );
    const byEmail = new Map(people.map((person) => [person.email, person]));
    expect(byEmail.get(logins.owner)?.role).toBe("owner");
    expect(byEmail.get(logins.teamLead)).toMatchObject({ role: "member", leads: 1 });
    expect(byEmail.get(logins.member)).toMatchObject({ role: "member", leads: 0 });
    for (const person of people) expect(person.key_results).toBeGreaterThan(0);
  });

  it("creates fifty small organisations beside it, each sound on its own", async () => {
    const s = await session();
    const others = await s.query<{ id: string; slug: string; people: number; teams: number; objectives: number; check_ins: number }>(
      `select o.id, o.slug,
              (select count(*) from memberships m where m.org_id = o.id)::int as people,
              (select count(*) from teams t where t.org_id = o.id)::int as teams,
              (select count(*) from objectives x where x.org_id = o.id)::int as objectives,
              (select count(*) from check_ins c where c.org_id = o.id)::int as check_ins
         from organisations o where o.slug ~ '^other-[0-9]{2}$' order by o.slug`,
    );
    expect(others.map((o) => o.slug)).toEqual(Array.from({ length: 50 }, (_, i) => `other-${String(i + 1).padStart(2, "0")}`));
    for (const other of others) {
      expect(other).toMatchObject({ people: 8, teams: 2 });
      expect(other.objectives).toBeGreaterThan(2);
      expect(other.check_ins).toBeGreaterThan(10);
    }
    for (const other of [others[0], others[49]]) {
      if (other) expect((await verifyOrganisation(s, other.id, { today })).problems).toEqual([]);
    }
  });

  it("does nothing when the organisation exists, and recreates the same one after a reset", async () => {
    const { orgId, counts } = result();
    const target = await targetFor(await getDb());
    const before = await fingerprint(orgId);
    const again = await seedLarge(target, { size: "S", today });
    expect(again).toMatchObject({ created: false, orgId, counts, othersCreated: 0 });
    const reset = await seedLarge(target, { size: "S", reset: true, today });
    expect(reset).toMatchObject({ created: true, orgId, counts });
    expect(await fingerprint(orgId)).toBe(before);
  }, 60_000);
});
