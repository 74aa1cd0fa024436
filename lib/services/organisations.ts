import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cycles, memberships, organisations, teamMembers, type MembershipRole } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { quarterContaining } from "@/lib/okr/cycles";
import type { TenantContext } from "@/lib/tenant-context";
import { withOrganisation, withTenant, withUser } from "@/lib/tenant-scope";
import { slugify } from "@/lib/validation/common";
import { changedFields, record } from "./activity";
import { isUniqueViolation } from "./db-errors";
import { authorize } from "./guard";
import { now } from "@/lib/clock";
import { DEFAULT_DIGEST, DEFAULT_REMINDER, runsPassedAtCreation } from "@/lib/okr/weekly-rhythm";
import { idJson } from "@/lib/api/json-values";
import { z } from "zod";

export interface NewOrganisationInput {
  name: string;
  /** Chosen by the person; when absent one is suggested from the name and made unique. */
  slug?: string;
  fiscalYearStartMonth?: number;
  /** The weekly rhythm's time zone (IANA); the founder's browser's at sign-up. */
  timeZone?: string;
  /** The request field a taken slug is reported on: `slug` unless the form names it otherwise. */
  slugField?: "slug" | "organisationSlug";
}

export const createdOrganisationJson = z.object({ id: idJson, slug: z.string() });
export type CreatedOrganisation = z.infer<typeof createdOrganisationJson>;

/**
 * An organisation, its owner and its first cycle (the current quarter, active), in the caller's
 * transaction. The caller has set the new organisation's id as the tenant of that transaction.
 */
export async function insertOrganisation(
  tx: Tx,
  orgId: string,
  ownerUserId: string,
  input: NewOrganisationInput,
  today = now(),
): Promise<CreatedOrganisation> {
  const fiscalYearStartMonth = input.fiscalYearStartMonth ?? 1;
  const slug = await insertWithFreeSlug(tx, orgId, input, fiscalYearStartMonth);
  await tx.insert(memberships).values({ orgId, userId: ownerUserId, role: "owner" });
  const quarter = quarterContaining(today, fiscalYearStartMonth);
  await tx.insert(cycles).values({ orgId, ...quarter, status: "active" });
  return { id: orgId, slug };
}

async function insertWithFreeSlug(tx: Tx, orgId: string, input: NewOrganisationInput, fiscalYearStartMonth: number) {
  const base = input.slug ?? slugify(input.name);
  const timeZone = input.timeZone ?? env().APP_TIME_ZONE;
  // A chosen slug is the person's decision: report a clash. A suggested one finds a free variant.
  const candidates = input.slug ? [base] : [base, ...[2, 3, 4, 5].map((n) => `${base}-${n}`), `${base}-${randomUUID().slice(0, 6)}`];
  for (const candidate of candidates) {
    try {
      await tx.transaction((savepoint) =>
        savepoint.insert(organisations).values({
          id: orgId,
          name: input.name,
          slug: candidate,
          fiscalYearStartMonth,
          timeZone,
          ...runsPassedAtCreation(now(), DEFAULT_REMINDER, DEFAULT_DIGEST, timeZone),
        }),
      );
      return candidate;
    } catch (error) {
      if (!isUniqueViolation(error, "organisations_slug_key")) throw error;
    }
  }
  throw new AppError("validation_failed", "errors.slugTaken", { [input.slugField ?? "slug"]: ["validation.slugTaken"] });
}

/** Another organisation for a signed-in person, who becomes its owner. */
export async function createOrganisation(userId: string, input: NewOrganisationInput): Promise<CreatedOrganisation> {
  const orgId = randomUUID();
  return withOrganisation(orgId, userId, (tx) => insertOrganisation(tx, orgId, userId, input));
}

export interface MyOrganisation {
  id: string;
  name: string;
  slug: string;
  role: MembershipRole;
}

/** The organisations a person belongs to, for the switcher and the landing redirect. */
export async function listMyOrganisations(userId: string): Promise<MyOrganisation[]> {
  return withUser(userId, (tx) =>
    tx
      .select({ id: organisations.id, name: organisations.name, slug: organisations.slug, role: memberships.role })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organisations.name)),
  );
}

export interface Membership {
  orgId: string;
  orgName: string;
  orgSlug: string;
  fiscalYearStartMonth: number;
  role: MembershipRole;
  teamIds: string[];
}

/** The organisation behind a URL slug and the person's role in it; null when they are not a member. */
export async function findMembership(userId: string, orgSlug: string): Promise<Membership | null> {
  return membershipWhere(userId, eq(organisations.slug, orgSlug));
}

/** The same by the organisation's id (an API token names its organisation by id). */
export async function findMembershipByOrgId(userId: string, orgId: string): Promise<Membership | null> {
  return membershipWhere(userId, eq(organisations.id, orgId));
}

async function membershipWhere(userId: string, organisation: SQL): Promise<Membership | null> {
  const [row] = await withUser(userId, (tx) =>
    tx
      .select({
        orgId: organisations.id,
        orgName: organisations.name,
        orgSlug: organisations.slug,
        fiscalYearStartMonth: organisations.fiscalYearStartMonth,
        role: memberships.role,
        teamIds: sql<string[]>`coalesce((select array_agg(${teamMembers.teamId}) from ${teamMembers}
          where ${teamMembers.orgId} = ${organisations.id} and ${teamMembers.userId} = ${userId}), '{}')`,
      })
      .from(organisations)
      .innerJoin(memberships, and(eq(memberships.orgId, organisations.id), eq(memberships.userId, userId)))
      .where(organisation)
      .limit(1),
  );
  return row ? { ...row, teamIds: row.teamIds ?? [] } : null;
}

export const organisationSettingsJson = z.object({ name: z.string(), slug: z.string(), fiscalYearStartMonth: z.number().int().min(1).max(12) });
export type OrganisationSettings = z.infer<typeof organisationSettingsJson>;

export async function getOrganisationSettings(ctx: TenantContext): Promise<OrganisationSettings> {
  return withTenant(ctx, async (tx) => {
    const [row] = await tx
      .select({ name: organisations.name, slug: organisations.slug, fiscalYearStartMonth: organisations.fiscalYearStartMonth })
      .from(organisations)
      .where(eq(organisations.id, ctx.orgId));
    if (!row) throw new AppError("not_found", "errors.not_found");
    return row;
  });
}

/** Name, address and fiscal year; a taken address is a field error, not a crash. */
export async function updateOrganisation(ctx: TenantContext, input: OrganisationSettings): Promise<{ slug: string }> {
  authorize(ctx, "organisation.update");
  try {
    return await withTenant(ctx, async (tx) => {
      const [before] = await tx.select().from(organisations).where(eq(organisations.id, ctx.orgId)).for("update");
      if (!before) throw new AppError("not_found", "errors.not_found");
      await tx.update(organisations).set({ ...input, updatedAt: sql`now()` }).where(eq(organisations.id, ctx.orgId));
      const changes = changedFields({ name: before.name, slug: before.slug, fiscalYearStartMonth: before.fiscalYearStartMonth }, input);
      if (changes) await record(tx, ctx, { action: "organisation.updated", entityType: "organisation", entityId: ctx.orgId, ...changes });
      return { slug: input.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "organisations_slug_key")) {
      throw new AppError("validation_failed", "errors.validation", { slug: ["validation.slugTaken"] });
    }
    throw error;
  }
}

/** Deletes the organisation and everything in it; owners only, confirmed by typing its address. */
export async function deleteOrganisation(ctx: TenantContext, confirmSlug: string): Promise<void> {
  authorize(ctx, "organisation.delete");
  if (confirmSlug !== ctx.orgSlug) {
    throw new AppError("validation_failed", "errors.validation", { confirmSlug: ["validation.confirmSlug"] });
  }
  return withTenant(ctx, async (tx) => {
    await tx.delete(organisations).where(eq(organisations.id, ctx.orgId));
  });
}
