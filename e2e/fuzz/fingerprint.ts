import type { HttpClient } from "../http-client";

/**
 * Everything the database holds, to prove a batch of requests wrote nothing. On Postgres
 * (E2E_DATABASE_URL, as CI runs) every table's row count and a digest of its rows; on the
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
        const [row] = await sql.unsafe(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name}" t`);
        out[name] = String(row?.digest);
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
