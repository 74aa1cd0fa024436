import { setTimeout as sleep } from "node:timers/promises";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isConnectionLost } from "@/db/errors";
import { listMembers } from "@/lib/services/members";
import { createTeam, listTeams } from "@/lib/services/teams";
import { setupTestDatabase } from "@/tests/db";
import { newOrganisation } from "@/tests/world";

setupTestDatabase();

const databaseUrl = process.env.DATABASE_URL;

/**
 * Terminates every backend of this test process's pool (`application_name` carries the pid, see
 * db/client.ts) every `everyMs` until `until`, from a connection of its own, as a Postgres restart
 * or a pooler recycling connections would. Returns how many backends it ended.
 */
async function terminateRepeatedly(until: number, everyMs: number): Promise<number> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(databaseUrl ?? "", { max: 1, onnotice: () => {} });
  let ended = 0;
  try {
    while (Date.now() < until) {
      await sleep(everyMs);
      const rows = await admin`select pg_terminate_backend(pid) as ended from pg_stat_activity
                               where application_name = ${`retning/${process.pid}`} and pid <> pg_backend_pid()`;
      ended += rows.filter((row) => row.ended === true).length;
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  return ended;
}

/** Runs `work` on `workers` concurrent loops until `until`, counting successes and errors. */
async function load(until: number, workers: number, work: (i: number) => Promise<unknown>) {
  const outcome = { ok: 0, errors: [] as unknown[] };
  let i = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) {
        try {
          await work(i++);
          outcome.ok++;
        } catch (error) {
          outcome.errors.push(error);
        }
      }
    }),
  );
  return outcome;
}

// PGlite runs in this process: it has no server connections to lose, so these run on Postgres.
const onServer = databaseUrl ? "" : " [needs DATABASE_URL: PGlite has no connections to lose, nothing to test]";

describe("a lost database connection", () => {
  it(`fails no read while the app's connections are terminated under load${onServer}`, { timeout: 60_000 }, async () => {
    if (!databaseUrl) return;
    const { ownerCtx } = await newOrganisation("Connections");
    await createTeam(ownerCtx, { name: "Platform" });
    const until = Date.now() + 4_000;
    const [reads, ended] = await Promise.all([
      load(until, 8, (i) => (i % 2 ? listTeams(ownerCtx) : listMembers(ownerCtx))),
      terminateRepeatedly(until, 400),
    ]);
    expect(ended).toBeGreaterThan(10);
    expect(reads.ok).toBeGreaterThan(100);
    expect(reads.errors).toEqual([]);
  });

  it(`repeats a write it lost before COMMIT, and never writes one twice${onServer}`, { timeout: 60_000 }, async () => {
    if (!databaseUrl) return;
    const { ownerCtx } = await newOrganisation("Connections");
    const prefix = `Team ${randomUUID().slice(0, 8)}`;
    const until = Date.now() + 4_000;
    const [writes, ended] = await Promise.all([
      load(until, 6, (i) => createTeam(ownerCtx, { name: `${prefix} ${i}` })),
      terminateRepeatedly(until, 400),
    ]);
    expect(ended).toBeGreaterThan(10);
    expect(writes.ok).toBeGreaterThan(50);
    // A write can only fail if its connection was lost during COMMIT (outcome unknown), and then
    // it may or may not be there; every write that succeeded is there exactly once.
    for (const error of writes.errors) expect(isConnectionLost(error), String(error)).toBe(true);
    const names = (await listTeams(ownerCtx)).map((team) => team.name).filter((name) => name.startsWith(prefix));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(writes.ok);
    expect(names.length).toBeLessThanOrEqual(writes.ok + writes.errors.length);
  });
});
