import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentSession, getSessionClaims, type CurrentSession } from "@/lib/auth/session";
import { findMembership, findMembershipByOrgId, type Membership } from "@/lib/services/organisations";
import type { TenantContext } from "@/lib/tenant-context";
import { withUser } from "@/lib/tenant-scope";
import { ORG_PARAM_PATTERN } from "@/lib/validation/common";

/** The tenant of a request, resolved once per request however many components ask (React cache). */
export const resolveTenant = cache(async (userId: string, orgSlug: string): Promise<TenantContext | null> => {
  // A path segment that cannot be an address (NUL, quotes, 1 MB) names no organisation: no query.
  if (!ORG_PARAM_PATTERN.test(orgSlug)) return null;
  return contextOf(userId, await findMembership(userId, orgSlug));
});

/** The same by the organisation's id, for an API token that names no organisation in its path (MCP). */
export const resolveTenantById = cache(async (userId: string, orgId: string): Promise<TenantContext | null> =>
  contextOf(userId, await findMembershipByOrgId(userId, orgId)),
);

function contextOf(userId: string, membership: Membership | null): TenantContext | null {
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
}

/**
 * The live session and, if it is one, the member's context in `orgSlug`. The token names the
 * user, so the session check and the membership lookup run at once, in one transaction: on every
 * page and route this was two transactions, one after the other. A context is only answered
 * together with a live session. Once per request (React cache), however many layouts and pages ask.
 */
export const resolveSessionAndTenant = cache(async (orgSlug: string): Promise<{ session: CurrentSession | null; ctx: TenantContext | null }> => {
  const claims = await getSessionClaims();
  if (!claims) return { session: null, ctx: null };
  const [session, ctx] = await withUser(claims.userId, () => Promise.all([getCurrentSession(), resolveTenant(claims.userId, orgSlug)]));
  return session && session.user.id === claims.userId ? { session, ctx } : { session, ctx: null };
});

/**
 * For pages under /[org]: the signed-in member's context, a redirect to sign-in without a session,
 * and a 404 for an organisation that does not exist or is not theirs (existence does not leak).
 */
export async function requireMember(orgSlug: string): Promise<TenantContext> {
  const { session, ctx } = await resolveSessionAndTenant(orgSlug);
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(`/${orgSlug}`)}`);
  if (!ctx) notFound();
  return ctx;
}
