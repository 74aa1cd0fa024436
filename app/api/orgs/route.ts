import { route } from "@/lib/http";
import { createOrganisation } from "@/lib/services/organisations";
import { newOrganisationSchema } from "@/lib/validation/members";

/** Another organisation for the signed-in person, who becomes its owner. */
export const POST = route({ access: "user", body: newOrganisationSchema }, async ({ user, body }) => {
  const organisation = await createOrganisation(user.id, { name: body.name, slug: body.slug });
  return { organisation, redirectTo: `/${organisation.slug}` };
});
