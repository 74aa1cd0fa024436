import { sql, type SQL } from "drizzle-orm";
import { pgPolicy, pgRole, type PgColumn } from "drizzle-orm/pg-core";

/**
 * The role every request's transaction runs as (`SET LOCAL ROLE`, see lib/tenant.ts).
 * It owns nothing and has no BYPASSRLS, so the policies below always apply to it.
 * Created by migration 0000 because roles are cluster-wide, not part of a schema.
 */
export const appRole = pgRole("retning_app").existing();

/** The tenant of the current transaction; NULL (never an error) when unset, so RLS yields no rows. */
export const currentOrgId: SQL = sql`nullif(current_setting('app.org_id', true), '')::uuid`;
/** The signed-in person of the current transaction, for the few rows readable across tenants. */
export const currentUserId: SQL = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

/** The one policy of every tenant table: rows of the transaction's organisation, nothing else. */
export function tenantPolicy(orgId: PgColumn) {
  return pgPolicy("tenant_isolation", {
    for: "all",
    to: appRole,
    using: sql`${orgId} = ${currentOrgId}`,
    withCheck: sql`${orgId} = ${currentOrgId}`,
  });
}

/**
 * The job scheduler's scope (lib/tenant-scope.ts withScheduler): it may read the organisations'
 * schedules across tenants, and nothing else. Tenant work still runs in each tenant's own scope.
 */
export const schedulerScope: SQL = sql`current_setting('app.scope', true) = 'scheduler'`;
