import type { ObjectiveLevel } from "@/lib/domain";
import { can, type Actor } from "@/lib/permissions";
import type { ObjectiveFormOptions } from "@/lib/services/objective-form";

export interface Placement {
  level: ObjectiveLevel;
  teamId: string | null;
  ownerUserId: string;
}

/**
 * Where the objective dialog lets an objective go, asked of the permission table
 * (lib/permissions.ts) rather than rebuilt here: a new objective is placed (objective.create); an
 * edited one may stay where it is (it was writable, or the dialog would not be open), and moving
 * it is placing it anew, as the service checks.
 */
export function placements(actor: Actor, options: ObjectiveFormOptions, current: Placement | undefined) {
  const leadIds = new Map(options.members.map((member) => [member.id, member.leadIds]));
  const unchanged = (placement: Placement) =>
    current !== undefined && placement.level === current.level && placement.teamId === current.teamId && placement.ownerUserId === current.ownerUserId;
  const allowed = (placement: Placement) => unchanged(placement) || can(actor, "objective.create", { ...placement, ownerLeadIds: leadIds.get(placement.ownerUserId) ?? [] });
  // Teams the actor may put an objective of their own in, and the one it is in.
  const teams = options.teams.filter((team) => current?.teamId === team.id || allowed({ level: "team", teamId: team.id, ownerUserId: actor.userId }));
  const ownersAt = (level: ObjectiveLevel, teamId: string | null) => options.members.filter((member) => allowed({ level, teamId, ownerUserId: member.id }));
  return {
    /** Teams a team objective may be placed in. */
    teams,
    /** The levels the actor may write at (the objective's own level stays offered when editing). */
    levels: {
      company: current?.level === "company" || allowed({ level: "company", teamId: null, ownerUserId: actor.userId }),
      team: teams.length > 0,
      individual: current?.level === "individual" || ownersAt("individual", null).length > 0,
    } satisfies Record<ObjectiveLevel, boolean>,
    /** The people who may own it at this level and team: exactly those can() allows. */
    ownersAt,
  };
}
