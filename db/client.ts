import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ExtractTablesWithRelations, Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
/** What both drivers have in common: everything the services use. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Driver = "pglite" | "postgres";

/** What the job queue needs of an embedded database: PGlite's own query and exec. */
export interface EmbeddedClient {
  query<T>(query: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(query: string): Promise<Array<{ rows: unknown[] }>>;
}

export interface Connection {
  db: Database;
  driver: Driver;
  close: () => Promise<void>;
  /** postgres://… the connection was opened with (Postgres), for the job queue's own pool. */
  databaseUrl?: string;
  /** The PGlite instance (embedded), which the job queue shares: one process, one connection. */
  embedded?: EmbeddedClient;
}

export interface ConnectionOptions {
  /** postgres://… for a Postgres server; unset for the embedded PGlite. */
  databaseUrl?: string;
  /** PGlite's data folder, or memory:// for a throwaway database. */
  pgliteDir?: string;
  /** Pool size for a Postgres server. */
  maxConnections?: number;
  /**
   * "transaction": databaseUrl reaches Postgres through a transaction-mode pooler (PgBouncer,
   * Supabase's or Neon's). A server connection then serves other clients between our
   * transactions, so a statement prepared on it may be gone (or another client's) by the next
   * one: PgBouncer 1.18 has no prepared-statement support in that mode, so none are named.
   */
  pooler?: Pooler;
}

export type Pooler = "transaction";

/** process.env, or a test's own variables. */
type Environment = Readonly<Record<string, string | undefined>>;

/** DATABASE_POOLER: unset (a direct connection or a session-mode pooler) or "transaction". */
export function poolerFromEnv(env: Environment = process.env): Pooler | undefined {
  const value = env.DATABASE_POOLER?.trim();
  if (!value) return undefined;
  if (value === "transaction") return value;
  throw new Error(`Invalid environment:\n  DATABASE_POOLER: "${value}" is not a pooling mode Retning knows; set "transaction" for PgBouncer in transaction mode, or leave it unset`);
}

/**
 * Opt-in query counting for tests that prove a page's query count does not grow with the
 * organisation: while `globalThis.__retningQueryLog` is an array, every statement drizzle sends
 * (on either driver, inside transactions too) is pushed onto it. The benchmark's recorder
 * (`globalThis.__retningQueryRecorder`, installed by instrumentation.ts only when
 * RETNING_QUERY_RECORD is set) also gets the parameters, to replay a page's SQL. Unset, each costs
 * one property read.
 */
export type QueryRecorder = (query: string, params: unknown[]) => void;
const queryLog = globalThis as typeof globalThis & { __retningQueryLog?: string[]; __retningQueryRecorder?: QueryRecorder };
// On globalThis, like the connection below: Next loads this module once per module graph (pages,
// route handlers), but one connection, made by whichever graph came first, serves them all; its
// logger must reach the listeners every graph registered.
const listenerHolder = globalThis as typeof globalThis & { __retningStatementListeners?: Set<(query: string) => void> };
const statementListeners = (listenerHolder.__retningStatementListeners ??= new Set());
const queryCounter: Logger = {
  logQuery: (query, params) => {
    queryLog.__retningQueryLog?.push(query);
    queryLog.__retningQueryRecorder?.(query, params);
    for (const listener of statementListeners) listener(query);
  },
};

/**
 * Called with the SQL of every statement as it is sent, in the caller's async context (so
 * lib/tenant-scope.ts can tell which transaction wrote). Each module graph registers its own.
 */
export function onStatement(listener: (query: string) => void): void {
  statementListeners.add(listener);
}

export function connectionOptionsFromEnv(env: Environment = process.env): ConnectionOptions {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || ".data/pglite",
    maxConnections: env.DB_POOL_MAX ? Number(env.DB_POOL_MAX) : undefined,
    pooler: env.DATABASE_URL ? poolerFromEnv(env) : undefined,
  };
}

/**
 * For migrations and other schema work: DIRECT_DATABASE_URL, a connection to Postgres itself,
 * when DATABASE_URL goes through a transaction-mode pooler. Schema changes want one session from
 * start to end (a migrator's lock, a failed DDL's error seen on the connection that ran it), which
 * a pooler that hands out a server connection per transaction does not promise.
 */
export function directConnectionOptionsFromEnv(env: Environment = process.env): ConnectionOptions {
  const direct = env.DIRECT_DATABASE_URL || undefined;
  const options = connectionOptionsFromEnv(env);
  return direct ? { ...options, databaseUrl: direct, pooler: undefined } : options;
}

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      // Parameters typed from their JavaScript values, as postgres.js 3 did (drizzle expects it).
      infer: true,
      // Named prepared statements live on one server connection; a transaction-mode pooler moves
      // us between connections, so each statement is parsed afresh (unnamed) instead.
      prepare: options.pooler !== "transaction",
      // postgres.js 4 looks up a type it does not know (an enum column) the first time it meets
      // one, on a second connection, while the first waits mid-statement holding its server
      // connection. Behind a transaction-mode pooler whose server connections are all held so,
      // the lookup never gets one: every request hung (PgBouncer, default_pool_size=1). Without
      // the lookup, enums read as text, as they would anyway, and every array the app reads is of
      // a built-in type (text[], uuid[]).
      fetch_types: options.pooler !== "transaction",
      onnotice: () => {},
      // The process id tells an operator (and the connection-loss test) whose connections these are.
      connection: { application_name: `retning/${process.pid}` },
    });
    return {
      db: drizzle(client, { schema, logger: queryCounter }),
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
      databaseUrl: options.databaseUrl,
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.pgliteDir ?? ".data/pglite";
  const inMemory = dir.startsWith("memory://");
  // PGlite does not create parent folders of its data directory.
  const dataDir = inMemory ? dir : resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
  if (!inMemory) mkdirSync(dirname(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir);
  return { db: drizzle(client, { schema, logger: queryCounter }), driver: "pglite", close: () => client.close(), embedded: client };
}

// One connection per process, kept on globalThis so that hot reload and Next's several module
// graphs (pages, route handlers) share it: two PGlite instances on one folder would corrupt it.
const holder = globalThis as typeof globalThis & { __retningDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  holder.__retningDb ??= openConnection(connectionOptionsFromEnv());
  return holder.__retningDb;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__retningDb;
  holder.__retningDb = undefined;
  if (pending) await (await pending).close();
}

/** `execute` answers per driver: postgres.js with an array of rows, PGlite with `{ rows }`. */
export function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows)) return result.rows;
  return [];
}
