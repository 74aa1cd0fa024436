import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invitations, memberships, organisations, users, type Locale, type MembershipRole } from "@/db/schema";
import { newInvitationToken, parseInvitationToken } from "@/lib/auth/invitation-token";
import { linkSecret } from "@/lib/mail/link-secrets";
import { queueMail } from "@/lib/mail/outbox";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenant-context";
import { withOrganisation, withTenant } from "@/lib/tenant-scope";
import { emitEvents } from "./integration-events";
import { record } from "./activity";
import { authorize } from "./guard";
import { now } from "@/lib/clock";
import { daysAfter } from "@/lib/okr/week";
import { instantSql } from "./status-sql";
import { z } from "zod";
import { documents } from "@/lib/api/answer-types";
import { idJson, timestampJson } from "@/lib/api/json-values";
import { membershipRoles } from "@/lib/domain";

export const INVITATION_DAYS = 7;

export interface PendingInvitation {
  id: string;
  email: string;
  role: MembershipRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

export const pendingInvitationJson = documents<PendingInvitation>()(
  z.object({
    id: idJson,
    email: z.string(),
    role: z.enum(membershipRoles),
    invitedBy: z.string().nullable(),
    createdAt: timestampJson,
    expiresAt: timestampJson,
    expired: z.boolean(),
  }),
);

export interface IssuedInvitation {
  id: string;
  email: string;
  role: MembershipRole;
  expiresAt: Date;
  /** The link's secret, shown once to copy; only its hash is stored. */
  token: string;
}

export const issuedInvitationJson = documents<IssuedInvitation>()(
  z.object({ id: idJson, email: z.string(), role: z.enum(membershipRoles), expiresAt: timestampJson, token: z.string() }),
);

const expiry = () => daysAfter(now(), INVITATION_DAYS);

/**
 * The invitation email, in the same transaction as the invitation. Its link's secret is derived
 * from a nonce (lib/mail/link-secrets.ts), so the outbox never holds a working link; the invitee
 * reads it in their own language when they already have an account, else in the one the inviter chose.
 */
async function emailInvitation(tx: Tx, ctx: TenantContext, invitation: { id: string; email: string; role: MembershipRole }, nonce: string, chosen: Locale) {
  const [known] = await tx.select({ id: users.id, locale: users.locale }).from(users).where(sql`lower(${users.email}) = lower(${invitation.email})`).limit(1);
  const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.userId));
  await queueMail(tx, ctx.orgId, [
    {
      kind: "invitation",
      toEmail: invitation.email,
      toUserId: known?.id ?? null,
      locale: known?.locale ?? chosen,
      dedupeKey: `invitation:${invitation.id}:${nonce}`,
      data: { orgId: ctx.orgId, orgName: ctx.orgName, inviterName: inviter?.name ?? null, role: invitation.role, nonce },
    },
  ]);
}

export interface InvitationInput {
  email: string;
  role: MembershipRole;
  /** The language of the invitation email for someone without an account yet. */
  locale?: Locale;
}

/** Invites someone by email with a role, and emails them the link; owners alone invite owners. */
export async function createInvitation(ctx: TenantContext, input: InvitationInput): Promise<IssuedInvitation> {
  authorize(ctx, "invitation.create", { role: input.role });
  return withTenant(ctx, async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.orgId), sql`lower(${users.email}) = ${input.email}`));
    if (member) throw new AppError("validation_failed", "errors.validation", { email: ["validation.alreadyMember"] });
    // A newer invitation replaces an older open one for the same address: one live link per person.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(invitations.orgId, ctx.orgId), sql`lower(${invitations.email}) = ${input.email}`, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const nonce = randomUUID();
    const { token, hash } = newInvitationToken(ctx.orgId, linkSecret("invitation", nonce));
    const [row] = await tx
      .insert(invitations)
      .values({ orgId: ctx.orgId, email: input.email, role: input.role, tokenHash: hash, invitedByUserId: ctx.userId, expiresAt: expiry() })
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
    if (!row) throw new Error("Inserting an invitation returned nothing.");
    await record(tx, ctx, { action: "member.invited", entityType: "invitation", entityId: row.id, after: { email: row.email, role: row.role } });
    await emailInvitation(tx, ctx, row, nonce, input.locale ?? "en");
    return { ...row, token };
  });
}

/** Open invitations (not accepted, not revoked), newest first; expired ones are shown as such. */
export async function listPendingInvitations(ctx: TenantContext): Promise<PendingInvitation[]> {
  authorize(ctx, "invitation.manage");
  return withTenant(ctx, (tx) =>
    tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        invitedBy: users.name,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        expired: sql<boolean>`${invitations.expiresAt} <= ${instantSql(now())}`,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.orgId, ctx.orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .orderBy(desc(invitations.createdAt))
      .limit(200),
  );
}

async function openInvitation(ctx: TenantContext, invitationId: string) {
  const [row] = await withTenant(ctx, (tx) =>
    tx
      .select({ id: invitations.id, role: invitations.role })
      .from(invitations)
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
  );
  if (!row) throw new AppError("not_found", "errors.not_found");
  return row;
}

export async function revokeInvitation(ctx: TenantContext, invitationId: string): Promise<void> {
  authorize(ctx, "invitation.manage");
  await openInvitation(ctx, invitationId);
  await withTenant(ctx, (tx) =>
    tx.update(invitations).set({ revokedAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId))),
  );
}

/** A fresh link and seven more days, emailed again; the previous link stops working. */
export async function resendInvitation(ctx: TenantContext, invitationId: string, locale: Locale = "en"): Promise<IssuedInvitation> {
  const open = await openInvitation(ctx, invitationId);
  authorize(ctx, "invitation.create", { role: open.role });
  const nonce = randomUUID();
  const { token, hash } = newInvitationToken(ctx.orgId, linkSecret("invitation", nonce));
  return withTenant(ctx, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: hash, expiresAt: expiry(), updatedAt: sql`now()` })
      .where(and(eq(invitations.orgId, ctx.orgId), eq(invitations.id, invitationId)))
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
    if (!row) throw new AppError("not_found", "errors.not_found");
    await emailInvitation(tx, ctx, row, nonce, locale);
    return { ...row, token };
  });
}

export type InvitationStatus = "valid" | "accepted" | "expired" | "revoked";

/** The message key that explains why a link no longer works. */
export const invitationStatusMessage = {
  valid: "errors.invitationInvalid",
  accepted: "errors.invitationUsed",
  expired: "errors.invitationExpired",
  revoked: "errors.invitationRevoked",
} as const satisfies Record<InvitationStatus, string>;

export interface InvitationPreview {
  orgId: string;
  orgName: string;
  orgSlug: string;
  email: string;
  role: MembershipRole;
  invitedBy: string | null;
  status: InvitationStatus;
}

/**
 * What a link stands for, before anyone is signed in. A malformed, unknown or foreign link is
 * null: it does not say whether the organisation exists.
 */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const parsed = parseInvitationToken(token);
  if (!parsed) return null;
  const [row] = await withOrganisation(parsed.orgId, null, (tx) =>
    tx
      .select({
        orgId: organisations.id,
        orgName: organisations.name,
        orgSlug: organisations.slug,
        email: invitations.email,
        role: invitations.role,
        invitedBy: users.name,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        expired: sql<boolean>`${invitations.expiresAt} <= ${instantSql(now())}`,
      })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.orgId))
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.orgId, parsed.orgId), eq(invitations.tokenHash, parsed.hash))),
  );
  if (!row) return null;
  const status: InvitationStatus = row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : row.expired ? "expired" : "valid";
  return { orgId: row.orgId, orgName: row.orgName, orgSlug: row.orgSlug, email: row.email, role: row.role, invitedBy: row.invitedBy, status };
}

/**
 * Joins the organisation with the invitation's role. Single use: the row is locked, checked and
 * marked accepted in one transaction, so two clicks cannot both get in. The invitation names an
 * email, and only the person signed in with that email may use it.
 */
export async function acceptInvitation(token: string, user: { id: string; name: string; email: string }): Promise<{ orgSlug: string }> {
  const parsed = parseInvitationToken(token);
  if (!parsed) throw new AppError("not_found", "errors.invitationInvalid");
  return withOrganisation(parsed.orgId, user.id, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.orgId, parsed.orgId), eq(invitations.tokenHash, parsed.hash)))
      .for("update");
    if (!invitation) throw new AppError("not_found", "errors.invitationInvalid");
    if (invitation.acceptedAt) throw new AppError("gone", invitationStatusMessage.accepted);
    if (invitation.revokedAt) throw new AppError("gone", invitationStatusMessage.revoked);
    if (invitation.expiresAt.getTime() <= now().getTime()) throw new AppError("gone", invitationStatusMessage.expired);
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) throw new AppError("forbidden", "errors.invitationOtherEmail");

    const [org] = await tx.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, parsed.orgId));
    if (!org) throw new AppError("not_found", "errors.invitationInvalid");
    const joined = await tx
      .insert(memberships)
      .values({ orgId: parsed.orgId, userId: user.id, role: invitation.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedByUserId: user.id, updatedAt: sql`now()` })
      .where(and(eq(invitations.orgId, parsed.orgId), eq(invitations.id, invitation.id)));
    if (joined.length > 0) {
      await record(tx, { orgId: parsed.orgId, userId: user.id }, { action: "member.joined", entityType: "membership", entityId: user.id, after: { role: invitation.role } });
      await emitEvents(tx, parsed.orgId, [{ type: "member.joined", data: { member: { userId: user.id, name: user.name, role: invitation.role } } }]);
    }
    return { orgSlug: org.slug };
  });
}
