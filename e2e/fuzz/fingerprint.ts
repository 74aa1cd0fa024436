import type { HttpClient } from "../http-client";

/**
 * Columns the job worker changes on its own while the fuzz runs (sending mail, marking the weekly
 * runs done): a difference there is the worker's, not a request's. New or removed rows still count.
 */
const WORKER_COLUMNS: Record<string, readonly string[]> = {
  outbox: ["status", "attempts", "last_error", "locked_until", "sent_at", "failed_at"],
  account_outbox: ["status", "attempts", "last_error", "locked_until", "sent_at", "failed_at"],
  organisations: ["reminders_ran_for", "escalation_ran_for", "digest_ran_for"],
};

/** A row as text for the digest, without the worker's columns. */
function rowText(table: string): string {
  const skipped = WORKER_COLUMNS[table] ?? [];
  return skipped.length === 0 ? "t::text" : `(to_jsonb(t) ${skipped.map((column) => `- '${column}'`).join(" ")})::text`;
}

/**
 * Everything the database holds, to prove a batch of requests wrote nothing. On Postgres
 * (E2E_DATABASE_URL, as CI runs) every table's row count and a digest of its rows (less what the
 * job worker changes by itself); on the
 * embedded database, which the server holds alone, what the fuzzing organisation's owner can read
 * (every write there leaves an activity row).
 */
export async function fingerprint(client: HttpClient, org: string): Promise<unknown> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const tables = await sql<Array<{ name: string }>>`select tablename as name from pg_tables where schemaname = 'public' order by 1`;
      const out: Record<string, string> = {};
      for (const { name } of tables) {
        const row = rowText(name);
        const [digest] = await sql.unsafe(`select count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as digest from "${name}" t`);
        out[name] = String(digest?.digest);
      }
      return out;
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const read = async (path: string) => (await client.json("GET", path)).text;
  const base = `/api/orgs/${org}`;
  return {
    activity: await read(`${base}/activity?scope=organisation&limit=100`),
    teams: await read(`${base}/teams`),
    members: await read(`${base}/members`),
    cycles: await read(`${base}/cycles`),
    invitations: await read(`${base}/invitations`),
    settings: await read(base),
  };
}
