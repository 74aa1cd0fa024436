import type { MembershipRole } from "@/lib/domain";
import type { Actor } from "@/lib/permissions";

/**
 * Who is asking, in which organisation, with which role: the first argument of every service
 * call. It is also the Actor that lib/permissions.ts judges. It lives apart from lib/tenant.ts
 * (which resolves it from a request) so that services, jobs and tests can name it without pulling
 * in the session, next/navigation or React.
 */
export interface TenantContext extends Actor {
  readonly orgId: string;
  readonly orgSlug: string;
  readonly orgName: string;
  readonly userId: string;
  readonly role: MembershipRole;
  readonly teamIds: readonly string[];
  readonly fiscalYearStartMonth: number;
}
