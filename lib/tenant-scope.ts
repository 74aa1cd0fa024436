import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { getDb, onStatement, type Tx } from "@/db/client";
import { isConnectionLost, isTransactionConflict } from "@/db/errors";
import type { TenantContext } from "@/lib/tenant-context";

interface Scope {
  readonly orgId: string | null;
  readonly userId: string | null;
  /** Set only by withScheduler: the one policy that reads across organisations (their schedules). */
  readonly scheduler?: boolean;
}

interface Store {
  scope: Scope;
  tx: Tx;
  /** Whether any statement of this transaction could have written (see isWriteStatement). */
  wrote: boolean;
}

const current = new AsyncLocalStorage<Store>();

// Statements that may change data, or lock rows as if they would: any of these words in the SQL
// text (values are parameters, never in the text). A false "write" only costs a retry.
const WRITE_STATEMENT = /\b(insert|update|delete|merge|truncate|lock|nextval|setval)\b/i;

onStatement((query) => {
  const store = current.getStore();
  if (store && !store.wrote && WRITE_STATEMENT.test(query)) store.wrote = true;
});

/**
 * Runs `fn` in one transaction as the app's database role, with the tenant settings that the
 * row-level security policies read. A query that forgets its `where org_id = …` still sees only
 * this organisation's rows. Nested calls with the same scope join the outer transaction.
 */
async function inScope<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = current.getStore();
  if (outer) {
    if (outer.scope.orgId === scope.orgId && outer.scope.userId === scope.userId && !outer.scope.scheduler === !scope.scheduler) return fn(outer.tx);
    throw new Error("A transaction for one tenant cannot open another tenant's transaction.");
  }
  const db = await getDb();
  let connectionRetried = false;
  for (let attempt = 1; ; attempt++) {
    // Set once fn has finished: from then on the only statement left is COMMIT.
    let bodyDone = false;
    let store: Store | undefined;
    try {
      return await db.transaction(async (tx) => {
        // jit off: our statements read thousands of rows, not millions, and Postgres' JIT spent
        // ~50 ms compiling each report query whose estimate crossed jit_above_cost. work_mem 16MB:
        // a large organisation's cycle (44,000 key results) fits in memory instead of spilling the
        // dashboard's hash joins and CTEs to temporary files (bench/README.md).
        await tx.execute(
          sql`select set_config('app.org_id', ${scope.orgId ?? ""}, true),
                     set_config('app.user_id', ${scope.userId ?? ""}, true),
                     set_config('app.scope', ${scope.scheduler ? "scheduler" : ""}, true),
                     set_config('role', 'retning_app', true),
                     set_config('jit', 'off', true),
                     set_config('work_mem', '16MB', true)`,
        );
        store = { scope, tx, wrote: false };
        const result = await current.run(store, () => fn(tx));
        bodyDone = true;
        return result;
      });
    } catch (error) {
      // Writes lock cycle → objective → key result and roll up upwards, but a few paths (deleting
      // an objective unaligns the ones below it) cross that order. Postgres breaks such a deadlock
      // by failing one transaction; it rolled back whole, so running it again is safe.
      if (isTransactionConflict(error) && attempt < MAX_ATTEMPTS) continue;
      // A connection that went away (Postgres restarted, a pooler recycled it) before COMMIT was
      // sent took its uncommitted transaction with it: run it once more on a fresh connection.
      // Lost during COMMIT, a write's outcome is unknown, so its error stands rather than risk a
      // second write; a transaction that only read can always run again.
      const safeToRepeat = !bodyDone || !store?.wrote;
      if (isConnectionLost(error) && safeToRepeat && !connectionRetried) {
        connectionRetried = true;
        // A moment for the driver to see which of its other connections went down with this one
        // (a restart ends them all), so the retry gets a live or a fresh one.
        await sleep(RECONNECT_DELAY_MS + Math.random() * RECONNECT_DELAY_MS);
        continue;
      }
      throw error;
    }
  }
}

const MAX_ATTEMPTS = 3;
const RECONNECT_DELAY_MS = 50;

/** Reads and writes inside one organisation, on behalf of one member. */
export function withTenant<T>(ctx: Pick<TenantContext, "orgId" | "userId">, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!ctx.orgId || !ctx.userId) throw new Error("withTenant needs an organisation and a user.");
  return inScope({ orgId: ctx.orgId, userId: ctx.userId }, fn);
}

/** Before an organisation is chosen: the person's own memberships and the organisations they belong to. */
export function withUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!userId) throw new Error("withUser needs a user.");
  return inScope({ orgId: null, userId }, fn);
}

/**
 * Inside one organisation that the caller has proven a right to by other means (signing it up,
 * holding an invitation's secret) before a membership exists.
 */
export function withOrganisation<T>(orgId: string, userId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!orgId) throw new Error("withOrganisation needs an organisation.");
  return inScope({ orgId, userId }, fn);
}

/** No tenant at all: only global tables (users, rate limits) are visible. */
export function withoutTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope({ orgId: null, userId: null }, fn);
}

/**
 * The job scheduler, looking for organisations whose weekly runs are due: it reads their schedules
 * across tenants (a policy of its own on organisations) and sees no tenant's data.
 */
export function withScheduler<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope({ orgId: null, userId: null, scheduler: true }, fn);
}
