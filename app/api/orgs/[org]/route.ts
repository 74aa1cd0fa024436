import { route } from "@/lib/http";
import { deleteOrganisation, getOrganisationSettings, updateOrganisation } from "@/lib/services/organisations";
import { deleteOrganisationSchema, orgParams, organisationSettingsSchema } from "@/lib/validation/members";

export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => getOrganisationSettings(ctx));

export const PATCH = route({ access: "member", params: orgParams, body: organisationSettingsSchema }, async ({ ctx, body }) => {
  const { slug } = await updateOrganisation(ctx, body);
  return { slug, redirectTo: `/${slug}/settings` };
});

export const DELETE = route({ access: "member", params: orgParams, body: deleteOrganisationSchema }, async ({ ctx, body }) => {
  await deleteOrganisation(ctx, body.confirmSlug);
  return { redirectTo: "/account/organisations" };
});
