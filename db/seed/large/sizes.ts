/**
 * The shapes of generated organisations: the four large sizes the benchmarks use, and the small
 * "other" organisations around them that keep tenant isolation honest at scale.
 */

export const largeSizes = ["S", "M", "L", "XL"] as const;
export type LargeSize = (typeof largeSizes)[number];

export interface OrgShape {
  /** Seeds every random series and deterministic id of the organisation. */
  namespace: string;
  slug: string;
  name: string;
  /** People sign in as p00001@<emailDomain>. */
  emailDomain: string;
  people: number;
  /** Persons 2 … admins + 1 are admins; person 1 is the owner. */
  admins: number;
  /** Teams per parent, level by level: [5, 5, 7] = 5 divisions, 25 departments, 175 teams. */
  branching: readonly number[];
  /** Company objectives per cycle. */
  companyObjectives: number;
  /** Team objectives per team and cycle, inclusive range. */
  teamObjectives: readonly [number, number];
  /** Share of people with individual objectives in a cycle, 1–2 each. */
  individualShare: number;
  keyResultsPerObjective: readonly [number, number];
  /** The newest check-ins that also get an activity row. */
  activityLimit: number;
}

const largePeople: Record<LargeSize, number> = { S: 50, M: 500, L: 2_000, XL: 10_000 };

/** About one team per ten people: S two levels, the others three. */
const largeBranching: Record<LargeSize, readonly number[]> = {
  S: [2, 2],
  M: [3, 3, 4],
  L: [5, 5, 7],
  XL: [10, 9, 10],
};

/** Everyone signs in with the demo password. */
export { DEMO_PASSWORD as LARGE_PASSWORD } from "../demo-people";

export function parseSize(value: string): LargeSize | null {
  const upper = value.toUpperCase();
  return largeSizes.find((size) => size === upper) ?? null;
}

export function largeSlug(size: LargeSize): string {
  return `large-${size.toLowerCase()}`;
}

export function largeShape(size: LargeSize): OrgShape {
  const slug = largeSlug(size);
  const people = largePeople[size];
  return {
    namespace: slug,
    slug,
    name: `Large ${size}`,
    emailDomain: `${slug}.example`,
    people,
    admins: 4,
    branching: largeBranching[size],
    companyObjectives: Math.max(3, Math.round(people / 200)),
    teamObjectives: [1, 3],
    // With 1–2 each, ~85 % of people gives about three objectives per person over two cycles.
    individualShare: 0.85,
    keyResultsPerObjective: [2, 4],
    activityLimit: 5_000,
  };
}

export const OTHER_ORGANISATIONS = 50;

export function otherSlug(index: number): string {
  return `other-${String(index).padStart(2, "0")}`;
}

/** A small neighbour: eight people, two teams, a handful of objectives. */
export function otherShape(index: number): OrgShape {
  const slug = otherSlug(index);
  return {
    namespace: slug,
    slug,
    name: `Other ${String(index).padStart(2, "0")}`,
    emailDomain: `${slug}.example`,
    people: 8,
    admins: 1,
    branching: [2],
    companyObjectives: 1,
    teamObjectives: [1, 1],
    individualShare: 0.25,
    keyResultsPerObjective: [1, 3],
    activityLimit: 5_000,
  };
}

export function emailOf(shape: Pick<OrgShape, "emailDomain">, person: number): string {
  return `p${String(person).padStart(5, "0")}@${shape.emailDomain}`;
}
