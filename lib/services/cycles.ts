import { and, desc, eq } from "drizzle-orm";
import { cycles, type CycleStatus } from "@/db/schema";
import type { TenantContext } from "@/lib/tenant";
import { withTenant } from "@/lib/tenant-scope";

export interface CycleSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: CycleStatus;
}

const columns = { id: cycles.id, name: cycles.name, startDate: cycles.startDate, endDate: cycles.endDate, status: cycles.status };

/** Every cycle, newest first (an organisation has a handful per year). */
export async function listCycles(ctx: TenantContext): Promise<CycleSummary[]> {
  return withTenant(ctx, (tx) => tx.select(columns).from(cycles).where(eq(cycles.orgId, ctx.orgId)).orderBy(desc(cycles.startDate)));
}

/**
 * The cycle a page shows: the one named in the URL if it is this organisation's, else the active
 * one (the latest if several), else the most recent.
 */
export function pickCycle(list: readonly CycleSummary[], requested: string | undefined | null): CycleSummary | null {
  return (
    (requested ? list.find((cycle) => cycle.id === requested) : undefined) ??
    list.find((cycle) => cycle.status === "active") ??
    list[0] ??
    null
  );
}

export async function getCycle(ctx: TenantContext, cycleId: string): Promise<CycleSummary | null> {
  const [row] = await withTenant(ctx, (tx) => tx.select(columns).from(cycles).where(and(eq(cycles.orgId, ctx.orgId), eq(cycles.id, cycleId))));
  return row ?? null;
}
