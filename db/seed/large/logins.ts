import { individualObjectiveCount } from "./okrs";
import { planPeople } from "./people";
import { LARGE_PASSWORD, largeShape, type LargeSize } from "./sizes";

/**
 * The sign-ins a benchmark uses in a generated large organisation, known without a database: the
 * structure is a pure function of the size. All three own key results in the current cycle.
 */
export interface LargeOrgLogins {
  /** p00001: the owner. */
  owner: string;
  /** The lead of a leaf team, with the member role. */
  teamLead: string;
  /** A plain member (no team to lead) with individual objectives of their own. */
  member: string;
}

export { LARGE_PASSWORD };

export function largeOrgLogins(size: LargeSize): LargeOrgLogins {
  const shape = largeShape(size);
  const { people, teams } = planPeople(shape);
  const parents = new Set(teams.map((team) => team.parent));
  const leads = new Set(teams.map((team) => team.lead));
  const roleOf = (n: number) => people[n - 1]?.role;
  const leafLead = teams.find((team) => !parents.has(team.index) && roleOf(team.lead) === "member")?.lead;
  const member = people.find((person) => person.role === "member" && !leads.has(person.n) && individualObjectiveCount(shape, 1, person.n) > 0);
  const owner = people[0];
  const lead = leafLead === undefined ? undefined : people[leafLead - 1];
  if (!owner || !lead || !member) throw new Error(`Large seed: no sign-ins for size ${size}`);
  return { owner: owner.email, teamLead: lead.email, member: member.email };
}
