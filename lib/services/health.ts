import "server-only";
import { sql } from "drizzle-orm";
import { withoutTenant } from "@/lib/tenant-scope";

/** One round trip through the app's own database role: what a load balancer should ask. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await withoutTenant((tx) => tx.execute(sql`select 1`));
    return true;
  } catch {
    return false;
  }
}
