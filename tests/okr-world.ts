import { listCycles } from "@/lib/services/cycles";
import { createKeyResult } from "@/lib/services/key-results";
import { createObjective } from "@/lib/services/objectives";
import { createTeam } from "@/lib/services/teams";
import type { TenantContext } from "@/lib/tenant-context";
import type { KeyResultCreateInput, ObjectiveCreateInput } from "@/lib/validation/okrs";
import { contextFor, newOrganisation } from "./world";

export async function activeCycleId(ctx: TenantContext): Promise<string> {
  const cycle = (await listCycles(ctx)).find((c) => c.status === "active");
  if (!cycle) throw new Error("no active cycle");
  return cycle.id;
}

export function objectiveInput(ctx: TenantContext, cycleId: string, overrides: Partial<ObjectiveCreateInput> = {}): ObjectiveCreateInput {
  return {
    cycleId,
    level: "company",
    ownerUserId: ctx.userId,
    title: "Become the shop Norwegians recommend",
    description: "",
    rollupMode: "key_results",
    ...overrides,
  };
}

export function keyResultInput(ownerUserId: string, overrides: Partial<KeyResultCreateInput> = {}): KeyResultCreateInput {
  return {
    title: "Grow NPS from 30 to 50",
    description: "",
    unit: "number",
    direction: "increase",
    startValue: "30",
    targetValue: "50",
    ownerUserId,
    weight: "1",
    ...overrides,
  };
}

/**
 * An organisation with an admin-owned company objective, a team (with a lead and a member) and the
 * people to write the rest, built through the real services.
 */
export async function okrWorld(label = "OKR") {
  const org = await newOrganisation(label);
  const lead = await org.join("member", "Lead");
  const member = await org.join("member", "Member");
  const outsider = await org.join("member", "Outsider");
  const team = await createTeam(org.ownerCtx, { name: "Marketing", leadUserId: lead.user.id });
  const { addTeamMember } = await import("@/lib/services/teams");
  await addTeamMember(org.ownerCtx, team.id, member.user.id);
  const cycleId = await activeCycleId(org.ownerCtx);
  const company = await createObjective(org.ownerCtx, objectiveInput(org.ownerCtx, cycleId));
  const nps = await createKeyResult(org.ownerCtx, company.id, keyResultInput(org.owner.id));
  return {
    org,
    cycleId,
    team,
    company,
    nps,
    lead: { ...lead, ctx: await contextFor(lead.user.id, org.slug) },
    member: { ...member, ctx: await contextFor(member.user.id, org.slug) },
    outsider,
  };
}
