import { randomUUID } from "node:crypto";
import type { MembershipRole } from "@/db/schema";
import { createAccount, signUp, type AccountIdentity } from "@/lib/services/accounts";
import { acceptInvitation, createInvitation } from "@/lib/services/invitations";
import { findMembership } from "@/lib/services/organisations";
import type { TenantContext } from "@/lib/tenant-context";

export const TEST_PASSWORD = "correct horse battery staple";

/** The tenant context a request of this person in this organisation would get. */
export async function contextFor(userId: string, orgSlug: string): Promise<TenantContext> {
  const membership = await findMembership(userId, orgSlug);
  if (!membership) throw new Error(`${userId} is not a member of ${orgSlug}`);
  return { ...membership, userId };
}

export interface TestOrganisation {
  slug: string;
  orgId: string;
  owner: AccountIdentity;
  ownerCtx: TenantContext;
  /** Adds a person through a real invitation and returns their context. */
  join: (role?: MembershipRole, name?: string) => Promise<{ user: AccountIdentity; ctx: TenantContext }>;
}

/** An organisation signed up through the real sign-up service, with helpers to add people. */
export async function newOrganisation(label = "Test"): Promise<TestOrganisation> {
  const suffix = randomUUID().slice(0, 8);
  const { user, organisation } = await signUp(
    { name: `${label} Owner`, email: `owner-${suffix}@example.test`, password: TEST_PASSWORD, organisationName: `${label} ${suffix}` },
    "en",
  );
  const ownerCtx = await contextFor(user.id, organisation.slug);
  return {
    slug: organisation.slug,
    orgId: organisation.id,
    owner: user,
    ownerCtx,
    async join(role = "member", name = "Colleague") {
      const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.test`;
      const person = await createAccount({ name, email, password: TEST_PASSWORD }, "en");
      // Owners may invite any role; refresh the owner's context in case teams changed.
      const invitation = await createInvitation(await contextFor(user.id, organisation.slug), { email, role });
      await acceptInvitation(invitation.token, person);
      return { user: person, ctx: await contextFor(person.id, organisation.slug) };
    },
  };
}
