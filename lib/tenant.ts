import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { MembershipRole } from "@/db/schema";
import { getCurrentSession } from "@/lib/auth/session";
import type { Actor } from "@/lib/permissions";
import { findMembership } from "@/lib/services/organisations";

/**
 * Who is asking, in which organisation, with which role: the first argument of every service
 * call. It is also the Actor that lib/permissions.ts judges.
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

/** The tenant of a request, resolved once per request however many components ask (React cache). */
export const resolveTenant = cache(async (userId: string, orgSlug: string): Promise<TenantContext | null> => {
  const membership = await findMembership(userId, orgSlug);
  if (!membership) return null;
  return {
    orgId: membership.orgId,
    orgSlug: membership.orgSlug,
    orgName: membership.orgName,
    fiscalYearStartMonth: membership.fiscalYearStartMonth,
    userId,
    role: membership.role,
    teamIds: membership.teamIds,
  };
});

/**
 * For pages under /[org]: the signed-in member's context, a redirect to sign-in without a session,
 * and a 404 for an organisation that does not exist or is not theirs (existence does not leak).
 */
export async function requireMember(orgSlug: string): Promise<TenantContext> {
  const session = await getCurrentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/${orgSlug}`)}`);
  const ctx = await resolveTenant(session.user.id, orgSlug);
  if (!ctx) notFound();
  return ctx;
}
