import type { Locale, MembershipRole } from "@/db/schema/enums";
import { between, pick } from "../random";
import { idMaker, seriesFor } from "./ids";
import { emailOf, type OrgShape } from "./sizes";
import { itemAt, sum } from "./util";
import { areas, firstNames, lastNames, teamPurposes, teamWords } from "./words";

/**
 * People and teams of a generated organisation, pure and deterministic by its shape alone (not by
 * the day), so the benchmark can name its sign-ins without a database. Teams nest by `branching`;
 * leads of departments and divisions sit in the team they lead, everyone else in one leaf team,
 * whose first member leads it. Person 1, the owner, sits in the first division.
 */

export interface PersonPlan {
  /** 1-based: p00001 is the owner. */
  n: number;
  email: string;
  name: string;
  role: MembershipRole;
  locale: Locale;
  /** Index of the person's one team. */
  team: number;
  /** The user's id: deterministic, or the existing user's when the email was taken already. */
  userId: string;
}

export interface TeamPlan {
  index: number;
  id: string;
  name: string;
  description: string;
  parent: number | null;
  depth: number;
  lead: number;
  /** Person numbers, the lead first. */
  members: number[];
}

export interface PeoplePlan {
  people: PersonPlan[];
  teams: TeamPlan[];
}

function teamTree(branching: readonly number[]): Array<{ parent: number | null; depth: number }> {
  const tree: Array<{ parent: number | null; depth: number }> = [];
  let level: Array<number | null> = [null];
  branching.forEach((perParent, depth) => {
    const next: number[] = [];
    for (const parent of level) {
      for (let i = 0; i < perParent; i++) {
        next.push(tree.length);
        tree.push({ parent, depth });
      }
    }
    level = next;
  });
  return tree;
}

/** Leaf team sizes that vary (0.6–1.4 of the mean) and add up to `pool`, at least two each. */
function leafSizes(count: number, pool: number, random: () => number): number[] {
  const weights = Array.from({ length: count }, () => between(random, 0.6, 1.4));
  const total = sum(weights);
  const sizes = weights.map((weight) => Math.max(2, Math.floor((weight / total) * pool)));
  let remaining = pool - sum(sizes);
  for (let i = 0; remaining !== 0; i = (i + 1) % count) {
    const size = itemAt(sizes, i);
    if (remaining > 0) {
      sizes[i] = size + 1;
      remaining--;
    } else if (size > 2) {
      sizes[i] = size - 1;
      remaining++;
    }
  }
  return sizes;
}

function teamNames(tree: ReadonlyArray<{ depth: number }>, random: () => number): string[] {
  const taken = new Set<string>();
  return tree.map(({ depth }, index) => {
    const base = depth === 0 && index < areas.length ? itemAt(areas, index) : `${pick(random, areas)} ${pick(random, teamWords)}`;
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base} ${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function planPeople(shape: OrgShape): PeoplePlan {
  const random = seriesFor(shape.namespace, "people")(0);
  const userId = idMaker(shape.namespace, "user");
  const teamId = idMaker(shape.namespace, "team");
  const tree = teamTree(shape.branching);
  const names = teamNames(tree, random);
  const isParent = new Set(tree.map((team) => team.parent).filter((parent): parent is number => parent !== null));
  const parents = tree.map((_, index) => index).filter((index) => isParent.has(index));
  const leaves = tree.map((_, index) => index).filter((index) => !isParent.has(index));

  const teamOf = new Map<number, number>();
  const members: number[][] = tree.map(() => []);
  const leadOf: number[] = tree.map(() => 0);
  // Leads of divisions and departments are persons 2, 3, … in breadth-first order.
  parents.forEach((team, i) => {
    leadOf[team] = i + 2;
    teamOf.set(i + 2, team);
    members[team]?.push(i + 2);
  });
  let next = parents.length + 2;
  const sizes = leafSizes(leaves.length, shape.people - next + 1, random);
  leaves.forEach((team, i) => {
    leadOf[team] = next;
    for (let k = 0; k < itemAt(sizes, i); k++, next++) {
      teamOf.set(next, team);
      members[team]?.push(next);
    }
  });
  teamOf.set(1, 0);
  members[0]?.push(1);

  const people: PersonPlan[] = [];
  for (let n = 1; n <= shape.people; n++) {
    const name = `${pick(random, firstNames)} ${pick(random, lastNames)}`;
    const locale: Locale = random() < 0.15 ? "nb" : "en";
    const role: MembershipRole = n === 1 ? "owner" : n <= shape.admins + 1 ? "admin" : "member";
    people.push({ n, email: emailOf(shape, n), name, role, locale, team: teamOf.get(n) ?? 0, userId: userId(n) });
  }
  const teams = tree.map(({ parent, depth }, index) => ({
    index,
    id: teamId(index),
    name: itemAt(names, index),
    description: pick(random, teamPurposes),
    parent,
    depth,
    lead: itemAt(leadOf, index),
    members: itemAt(members, index),
  }));
  return { people, teams };
}

