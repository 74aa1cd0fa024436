import "server-only";
import { listMyOrganisations } from "./organisations";

/** Where a person lands after signing in: their first organisation, or the page to create one. */
export async function landingPathFor(userId: string): Promise<string> {
  const [first] = await listMyOrganisations(userId);
  return first ? `/${first.slug}` : "/account/organisations";
}

/** My week of their first organisation: where the app installed on a phone opens. */
export async function myWeekPathFor(userId: string): Promise<string> {
  const [first] = await listMyOrganisations(userId);
  return first ? `/${first.slug}/check-ins` : "/account/organisations";
}
