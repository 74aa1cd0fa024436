import type { ObjectiveLevel } from "@/lib/domain";

/**
 * Goals cascade downwards, so alignment points upwards (ARCHITECTURE.md §1): an individual
 * objective to a team or company objective, a team objective to a company objective or to one of
 * a team above its own; company objectives are the top and never align. One definition for the
 * service that refuses a wrong alignment and the dialog that only offers right ones.
 */

export interface AlignmentSide {
  level: ObjectiveLevel;
  teamId: string | null;
}

/** Why `child` may not align to `parent` (a message key), or null when it may. */
export type AlignmentRefusal = "validation.companyCannotAlign" | "validation.alignUpwards" | "validation.alignParentTeam";

/**
 * Whether `child` may align to `parent`; `teamsAbove` are the teams above the child's team (its
 * parent team, that one's parent, …), which only a team objective aligning to a team's needs.
 */
export function alignmentRefusal(child: AlignmentSide, parent: AlignmentSide, teamsAbove: readonly string[]): AlignmentRefusal | null {
  if (child.level === "company") return "validation.companyCannotAlign";
  if (parent.level === "individual") return "validation.alignUpwards";
  if (child.level === "team" && parent.level === "team" && (!parent.teamId || !teamsAbove.includes(parent.teamId))) return "validation.alignParentTeam";
  return null;
}

/** The teams above `teamId`, nearest first, walking a list of teams with their parents (loops end the walk). */
export function teamsAbove(teamId: string | null, teams: ReadonlyArray<{ id: string; parentTeamId: string | null }>): string[] {
  const parentOf = new Map(teams.map((team) => [team.id, team.parentTeamId]));
  const above: string[] = [];
  for (let current = teamId ? parentOf.get(teamId) : null; current && !above.includes(current); current = parentOf.get(current) ?? null) above.push(current);
  return above;
}
