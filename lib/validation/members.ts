import { z } from "zod";
import { locales, membershipRoles } from "@/lib/domain";
import { ORG_PARAM_PATTERN, boundedText, email, opaque, plainString, slug, strictInt, text, uuid } from "./common";

export const roleSchema = z.enum(membershipRoles, { error: "validation.invalid" });

export const inviteSchema = z.object({
  email,
  role: roleSchema.default("member"),
  /** The invitation email's language, for someone who has no account yet (the inviter's, by default). */
  locale: z.enum(locales, { error: "validation.invalid" }).optional(),
});
export const changeRoleSchema = z.object({ role: roleSchema });

export const memberListQuery = z.object({
  q: boundedText(100).optional(),
  /** Keyset cursor: the name and id of the last row of the previous page. */
  after: opaque(300).optional(),
});

export const organisationSettingsSchema = z.object({
  name: text(2, 100),
  slug,
  fiscalYearStartMonth: strictInt(1, 12),
});

export const newOrganisationSchema = z.object({
  name: text(2, 100),
  slug: slug.optional().or(z.literal("").transform(() => undefined)),
});

export const deleteOrganisationSchema = z.object({
  /** The person types the organisation's address to confirm. */
  confirmSlug: plainString().trim().max(100, { error: "validation.tooLong" }),
});

/** An organisation's address in a path: anything else names no organisation (404, no query). */
export const orgParams = z.object({ org: z.string().regex(ORG_PARAM_PATTERN) });
export const memberParams = orgParams.extend({ userId: uuid });
export const invitationParams = orgParams.extend({ invitationId: uuid });
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_.-]{10,200}$/) });
