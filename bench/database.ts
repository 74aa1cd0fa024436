import postgres from "postgres";
import { largeOrgLogins, type LargeOrgLogins } from "@/db/seed/large/logins";
import { largeSlug, type LargeSize } from "@/db/seed/large/sizes";
import { assertLocalDatabase } from "@/tests/local-database";

export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/retning_bench";

/** The benchmark's database: DATABASE_URL or retning_bench on this machine, never another host. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL || DEFAULT_BENCH_URL;
  assertLocalDatabase(url);
  return url;
}

/** Creates the database if the server does not have it yet (through the `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!name) throw new Error(`The database URL names no database: ${url}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${name}`;
    if (!row) {
      await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
      console.log(`Created the database "${name}".`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Applies the migrations and generates each size's organisation unless it is there already. */
export async function prepareDatabase(url: string, sizes: readonly LargeSize[], reseed: boolean): Promise<void> {
  const { openConnection } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { targetFor } = await import("@/db/seed/large/sql");
  const { seedLarge } = await import("@/db/seed/large/seed");
  const connection = await openConnection({ databaseUrl: url, maxConnections: 2 });
  try {
    await migrateDatabase(connection.db, connection.driver);
    const target = await targetFor(connection.db);
    for (const size of sizes) {
      const result = await seedLarge(target, { size, reset: reseed, log: (line) => console.log(`  [seed ${size}] ${line}`) });
      const age = result.created ? "generated now" : "already there";
      console.log(`Organisation ${result.slug}: ${age} (${result.counts.objectives} objectives, ${result.counts.check_ins} check-ins).`);
    }
  } finally {
    await connection.close();
  }
}

/** Ids and words of one generated organisation that the pages are requested with. */
export interface Fixtures {
  size: LargeSize;
  slug: string;
  orgId: string;
  logins: LargeOrgLogins;
  memberUserId: string;
  activeCycleId: string;
  /** The team with the most objectives in the active cycle. */
  teamId: string;
  /** The most frequent longer word in this cycle's objective titles. */
  searchWord: string;
  /** A team objective of the active cycle with key results and the most objectives aligned below it. */
  objectiveId: string;
  /** A numeric key result the member owns in the active cycle, for the check-in write. */
  keyResult: { id: string; startValue: number; targetValue: number };
}

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`Bench fixtures: found no ${what}.`);
  return row;
}

export async function loadFixtures(url: string, size: LargeSize): Promise<Fixtures> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const slug = largeSlug(size);
    const logins = largeOrgLogins(size);
    const org = await one(sql<{ id: string }[]>`select id from organisations where slug = ${slug}`, `organisation ${slug}`);
    const member = await one(sql<{ id: string }[]>`select id from users where email = ${logins.member}`, `user ${logins.member}`);
    const cycle = await one(
      sql<{ id: string }[]>`select id from cycles where org_id = ${org.id} and status = 'active' order by start_date desc limit 1`,
      "active cycle",
    );
    const team = await one(
      sql<{ id: string }[]>`
        select team_id as id from objectives where org_id = ${org.id} and cycle_id = ${cycle.id} and team_id is not null and archived_at is null
        group by team_id order by count(*) desc, team_id limit 1`,
      "team with objectives",
    );
    const word = await one(
      sql<{ word: string }[]>`
        select word from objectives, regexp_split_to_table(lower(title), '[^[:alpha:]]+') as word
        where org_id = ${org.id} and cycle_id = ${cycle.id} and length(word) >= 6
        group by word order by count(*) desc, word limit 1`,
      "word in objective titles",
    );
    const objective = await one(
      sql<{ id: string }[]>`
        select o.id from objectives o
        where o.org_id = ${org.id} and o.cycle_id = ${cycle.id} and o.level = 'team' and o.archived_at is null
          and exists (select 1 from key_results k where k.org_id = o.org_id and k.objective_id = o.id)
        order by (select count(*) from objectives c where c.org_id = o.org_id and c.parent_objective_id = o.id) desc, o.id
        limit 1`,
      "team objective with key results",
    );
    const keyResult = await one(
      sql<{ id: string; start: string; target: string }[]>`
        select k.id, k.start_value::text as start, k.target_value::text as target
        from key_results k join objectives o on o.org_id = k.org_id and o.id = k.objective_id
        where k.org_id = ${org.id} and o.cycle_id = ${cycle.id} and k.owner_user_id = ${member.id}
          and k.direction <> 'milestone' and o.archived_at is null
        order by k.id limit 1`,
      "key result owned by the member",
    );
    return {
      size,
      slug,
      orgId: org.id,
      logins,
      memberUserId: member.id,
      activeCycleId: cycle.id,
      teamId: team.id,
      searchWord: word.word,
      objectiveId: objective.id,
      keyResult: { id: keyResult.id, startValue: Number(keyResult.start), targetValue: Number(keyResult.target) },
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
