import "server-only";
import type { Tx } from "@/db/client";
import { activity, type ActivityAction } from "@/db/schema";
import type { TenantContext } from "@/lib/tenant-context";

export interface ActivityEntry {
  action: ActivityAction;
  entityType: "organisation" | "membership" | "invitation" | "team" | "cycle" | "objective" | "key_result" | "comment";
  entityId: string;
  objectiveId?: string | null;
  keyResultId?: string | null;
  teamId?: string | null;
  before?: unknown;
  after?: unknown;
}

const activityRow = (ctx: Pick<TenantContext, "orgId" | "userId">, entry: ActivityEntry) => ({
  orgId: ctx.orgId,
  actorUserId: ctx.userId,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  objectiveId: entry.objectiveId ?? null,
  keyResultId: entry.keyResultId ?? null,
  teamId: entry.teamId ?? null,
  before: entry.before ?? null,
  after: entry.after ?? null,
});

/** Appends to the activity log (the feed and the audit trail) in the caller's transaction. */
export async function record(tx: Tx, ctx: Pick<TenantContext, "orgId" | "userId">, entry: ActivityEntry): Promise<void> {
  await tx.insert(activity).values(activityRow(ctx, entry));
}

/** Rows per statement when many entries are written at once: well under Postgres' 65,535 parameters. */
const RECORD_BATCH = 1_000;

/** The same entries as `record` writes one by one, in a statement per thousand (an import's hundreds of rows). */
export async function recordMany(tx: Tx, ctx: Pick<TenantContext, "orgId" | "userId">, entries: readonly ActivityEntry[]): Promise<void> {
  for (let at = 0; at < entries.length; at += RECORD_BATCH) {
    await tx.insert(activity).values(entries.slice(at, at + RECORD_BATCH).map((entry) => activityRow(ctx, entry)));
  }
}

/** Only the fields whose values differ, as the before/after pair of an update. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T>) {
    if (patch[key] === undefined) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(patch[key])) continue;
    was[key] = before[key];
    now[key] = patch[key];
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}
