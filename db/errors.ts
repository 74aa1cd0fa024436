/**
 * What a database error means, whichever driver raised it. Drizzle wraps driver errors in its own
 * (`cause`); postgres.js and PGlite name the constraint differently; postgres.js reports a lost
 * connection with codes of its own rather than an SQLSTATE.
 */
interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  cause?: unknown;
}

/** The error and its causes, outermost first (a few levels: drizzle wraps once, sometimes twice). */
function* chain(error: unknown): Generator<PgErrorLike> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    yield current as PgErrorLike;
    current = (current as PgErrorLike).cause;
  }
}

function pgError(error: unknown): PgErrorLike | null {
  for (const candidate of chain(error)) {
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
  }
  return null;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  if (pg?.code !== "23505") return false;
  return !constraint || uniqueConstraint(error) === constraint;
}

/** The name of the unique index or constraint a violation broke. */
export function uniqueConstraint(error: unknown): string | undefined {
  const pg = pgError(error);
  return pg?.code === "23505" ? (pg.constraint ?? pg.constraint_name) : undefined;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgError(error)?.code === "23503";
}

/** Deadlock or serialization failure: Postgres rolled the transaction back whole; running it again is safe. */
export function isTransactionConflict(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === "40P01" || code === "40001";
}

// postgres.js's own codes for a connection that went away, and the socket errors under them.
const lostConnectionCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
]);

/**
 * The connection to the database was lost: Postgres restarted or terminated the backend (57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now), a connection exception (class
 * 08), or a pooler or network dropped the socket.
 */
export function isConnectionLost(error: unknown): boolean {
  for (const candidate of chain(error)) {
    const code = candidate.code;
    if (typeof code !== "string") continue;
    if (lostConnectionCodes.has(code) || code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return true;
  }
  return false;
}
