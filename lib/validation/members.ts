import { z } from "zod";
import { locales, membershipRoles } from "@/lib/domain";
import { email, slug, text, uuid } from "./common";

export const roleSchema = z.enum(membershipRoles, { error: "validation.invalid" });

export const inviteSchema = z.object({
  email,
  role: roleSchema.default("member"),
  /** The invitation email's language, for someone who has no account yet (the inviter's, by default). */
  locale: z.enum(locales, { error: "validation.invalid" }).optional(),
});
export const changeRoleSchema = z.object({ role: roleSchema });

export const memberListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** Keyset cursor: the name and id of the last row of the previous page. */
  after: z.string().max(300).optional(),
});

export const organisationSettingsSchema = z.object({
  name: text(2, 100),
  slug,
  fiscalYearStartMonth: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(12),
});

export const newOrganisationSchema = z.object({
  name: text(2, 100),
  slug: slug.optional().or(z.literal("").transform(() => undefined)),
});

export const deleteOrganisationSchema = z.object({
  /** The person types the organisation's address to confirm. */
  confirmSlug: z.string().trim(),
});

export const orgParams = z.object({ org: z.string().min(1).max(60) });
export const memberParams = orgParams.extend({ userId: uuid });
export const invitationParams = orgParams.extend({ invitationId: uuid });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });
