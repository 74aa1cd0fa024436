import type { OrgBuild } from "./plan";
import { tsv, type Session } from "./sql";
import { itemAt } from "./util";

/** Organisations, their people, teams and cycles: the rows everything else points at. */

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function* flatMap<T, U>(items: readonly T[], map: (item: T) => Iterable<U>): Generator<U> {
  for (const item of items) yield* map(item);
}

export async function loadOrganisations(session: Session, orgs: readonly OrgBuild[]): Promise<number> {
  await session.copy(
    "organisations",
    ["id", "name", "slug", "fiscal_year_start_month", "created_at", "updated_at"],
    orgs.map((org) => tsv([org.orgId, org.shape.name, org.shape.slug, 1, iso(org.createdAt), iso(org.createdAt)])),
  );
  return orgs.length;
}

/**
 * Users are global: a person left behind by a deleted organisation (`--reset`) is reused, not
 * duplicated. New ones are staged in a temporary table and inserted unless their email is taken;
 * then every person's actual user id is read back.
 */
export async function loadUsers(session: Session, orgs: readonly OrgBuild[], passwordHash: string): Promise<number> {
  await session.query(
    "create temp table large_seed_users (id uuid, email text, name text, locale locale, created_at timestamptz) on commit drop",
  );
  await session.copy(
    "large_seed_users",
    ["id", "email", "name", "locale", "created_at"],
    flatMap(orgs, (org) =>
      org.people.people.map((person) =>
        tsv([person.userId, person.email, person.name, person.locale, iso(new Date(org.createdAt.getTime() + person.n * 1_000))]),
      ),
    ),
  );
  const [inserted] = await session.query<{ count: number }>(
    `with inserted as (
       insert into users (id, email, name, password_hash, locale, created_at, updated_at)
       select id, email, name, $1, locale, created_at, created_at from large_seed_users
       on conflict do nothing
       returning 1)
     select count(*)::int as count from inserted`,
    [passwordHash],
  );
  const rows = await session.query<{ id: string; email: string }>(
    "select u.id, lower(u.email) as email from users u join large_seed_users s on lower(u.email) = lower(s.email)",
  );
  const ids = new Map(rows.map((row) => [row.email, row.id]));
  for (const org of orgs) {
    for (const person of org.people.people) {
      const id = ids.get(person.email);
      if (!id) throw new Error(`Large seed: no user for ${person.email}`);
      person.userId = id;
    }
  }
  return Number(inserted?.count ?? 0);
}

export async function loadMembers(session: Session, orgs: readonly OrgBuild[]): Promise<Record<string, number>> {
  const counts = { memberships: 0, teams: 0, teamMembers: 0, cycles: 0 };
  await session.copy(
    "memberships",
    ["org_id", "user_id", "role", "created_at", "updated_at"],
    flatMap(orgs, (org) => {
      const at = iso(org.createdAt);
      counts.memberships += org.people.people.length;
      return org.people.people.map((person) => tsv([org.orgId, person.userId, person.role, at, at]));
    }),
  );
  const userOf = (org: OrgBuild, n: number) => itemAt(org.people.people, n - 1).userId;
  await session.copy(
    "teams",
    ["org_id", "id", "name", "description", "parent_team_id", "lead_user_id", "created_at", "updated_at"],
    flatMap(orgs, (org) => {
      const at = iso(org.createdAt);
      const { teams } = org.people;
      counts.teams += teams.length;
      return teams.map((team) =>
        tsv([org.orgId, team.id, team.name, team.description, team.parent === null ? null : itemAt(teams, team.parent).id, userOf(org, team.lead), at, at]),
      );
    }),
  );
  await session.copy(
    "team_members",
    ["org_id", "team_id", "user_id", "created_at", "updated_at"],
    flatMap(orgs, (org) => {
      const at = iso(org.createdAt);
      return flatMap(org.people.teams, (team) => {
        counts.teamMembers += team.members.length;
        return team.members.map((n) => tsv([org.orgId, team.id, userOf(org, n), at, at]));
      });
    }),
  );
  await session.copy(
    "cycles",
    ["org_id", "id", "name", "start_date", "end_date", "status", "closed_at", "created_at", "updated_at"],
    flatMap(orgs, (org) => {
      counts.cycles += org.cycles.length;
      return org.cycles.map((cycle) =>
        tsv([org.orgId, cycle.id, cycle.name, cycle.startDate, cycle.endDate, cycle.status, iso(cycle.closedAt), iso(cycle.createdAt), iso(cycle.closedAt ?? cycle.createdAt)]),
      );
    }),
  );
  return counts;
}
