import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { Database } from "@/db/client";

/**
 * The generator's two ways into a database, behind one small interface: postgres.js (COPY FROM
 * STDIN, streamed with backpressure) for a Postgres server, and PGlite (COPY from a blob, in
 * batches) for the embedded database. Both run as the connection's own role: a superuser, to
 * which row-level security does not apply.
 */

export type SqlParam = string | number | boolean | null;
export type Row = object;

export interface Session {
  query<T extends Row>(text: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Loads tab-separated lines (see `tsv`) into `table`. */
  copy(table: string, columns: readonly string[], lines: Iterable<string>): Promise<void>;
}

export interface Target {
  driver: "postgres" | "pglite";
  /** One transaction: everything it loads appears at once or not at all. */
  transaction<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /** Outside a transaction, for ANALYZE and counts. */
  session: Session;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `copy ${quote(table)} (${columns.map(quote).join(", ")}) from ${source}`;

const escapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const special = /[\\\t\n\r]/;

/** One line of COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function tsv(values: ReadonlyArray<string | number | null>): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += "\t";
    if (value === null || value === undefined) line += "\\N";
    else if (typeof value === "number") line += String(value);
    else line += special.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c) : value;
  }
  return `${line}\n`;
}

/** Lines joined into chunks of about `bytes`, so the socket sees few large writes. */
function* chunks(lines: Iterable<string>, bytes: number): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= bytes) {
      yield parts.join("");
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join("");
}

type PostgresQueryable = Pick<postgres.Sql, "unsafe">;

/**
 * postgres.js settles a COPY's stream only on success: an error raised at the end of the statement
 * (a foreign key, a bad last line) leaves it waiting forever. So once the stream has sent CopyDone,
 * a `select 1` is queued behind it on the same connection; it fails if, and only if, the COPY did.
 */
async function postgresCopy(sql: PostgresQueryable, table: string, columns: readonly string[], lines: Iterable<string>): Promise<void> {
  const stream = await sql.unsafe(copyStatement(table, columns, "stdin")).writable();
  let failure: unknown = null;
  stream.on("error", (error) => {
    failure ??= error;
  });
  const sendDone = stream._final.bind(stream);
  const doneSent = new Promise<void>((resolve) => {
    stream._final = (callback) => {
      sendDone(callback);
      resolve();
    };
  });
  for (const chunk of chunks(lines, 1 << 16)) {
    if (failure !== null) throw failure;
    if (!stream.write(chunk)) await once(stream, "drain");
  }
  const settled = finished(stream);
  stream.end();
  await doneSent;
  try {
    await sql.unsafe("select 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`COPY into ${table} failed (the server log names the row): ${reason}`);
  }
  await settled;
}

function postgresSession(sql: PostgresQueryable): Session {
  return {
    async query<T extends Row>(text: string, params: readonly SqlParam[] = []) {
      const rows = await sql.unsafe(text, [...params]);
      return rows as unknown as T[];
    },
    copy: (table, columns, lines) => postgresCopy(sql, table, columns, lines),
  };
}

export function postgresTarget(client: postgres.Sql): Target {
  return {
    driver: "postgres",
    async transaction<T>(work: (session: Session) => Promise<T>) {
      const box = await client.begin(async (tx) => ({ value: await work(postgresSession(tx)) }));
      return box.value;
    },
    session: postgresSession(client),
  };
}

type PgliteQueryable = Pick<PGlite | Transaction, "query">;

function pgliteSession(pg: PgliteQueryable): Session {
  return {
    async query<T extends Row>(text: string, params: readonly SqlParam[] = []) {
      const result = await pg.query<T>(text, [...params]);
      return result.rows;
    },
    async copy(table, columns, lines) {
      // PGlite reads COPY data from a blob: load in batches of a few megabytes.
      for (const chunk of chunks(lines, 8 << 20)) {
        await pg.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
      }
    },
  };
}

export function pgliteTarget(pg: PGlite): Target {
  return {
    driver: "pglite",
    transaction: (work) => pg.transaction((tx) => work(pgliteSession(tx))),
    session: pgliteSession(pg),
  };
}

function isPostgresClient(client: unknown): client is postgres.Sql {
  return typeof client === "function" && "begin" in client && "unsafe" in client;
}

/** The driver client under a drizzle database of db/client.ts (tests use this). */
export async function targetFor(db: Database): Promise<Target> {
  const client: unknown = Reflect.get(db, "$client");
  if (isPostgresClient(client)) return postgresTarget(client);
  const { PGlite } = await import("@electric-sql/pglite");
  if (client instanceof PGlite) return pgliteTarget(client);
  throw new Error("Large seed: unsupported database client");
}
