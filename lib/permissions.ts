import type { MembershipRole, ObjectiveLevel } from "@/lib/domain";

/**
 * Who may do what (ARCHITECTURE.md §1), in one table. Reading is open to every member, because
 * transparency is the point of OKRs; writing follows the role and, for goals, who owns them.
 * Pages use it to show or hide actions; services enforce it on every write.
 */

export interface Actor {
  userId: string;
  role: MembershipRole;
  /** The teams the person is a member of (their team objectives are theirs to write). */
  teamIds: readonly string[];
}

export interface ObjectiveScope {
  level: ObjectiveLevel;
  ownerUserId: string;
  teamId: string | null;
  /**
   * The people who lead a team the owner belongs to: they write the owner's individual objectives
   * (a lead cascades a team objective to their people). Services load it in the transaction that
   * writes; only individual objectives read it.
   */
  ownerLeadIds: readonly string[];
}

export interface Subjects {
  "organisation.read": undefined;
  "organisation.update": undefined;
  "organisation.delete": undefined;
  "reminders.send": undefined;
  "mail.manage": undefined;
  /** Seeing every API token of the organisation and revoking any of them (each person manages their own). */
  "apiToken.manage": undefined;
  "invitation.manage": undefined;
  "invitation.create": { role: MembershipRole };
  "member.changeRole": { userId: string; currentRole: MembershipRole; newRole: MembershipRole };
  "member.remove": { userId: string; role: MembershipRole };
  "team.manage": undefined;
  "cycle.manage": undefined;
  /** Creating an objective here, or moving one here (a move needs objective.write where it was too). */
  "objective.create": ObjectiveScope;
  /** Editing, archiving, deleting, cascading from an objective, and writing its key results. */
  "objective.write": ObjectiveScope;
  "checkIn.create": { keyResultOwnerId: string; objective: Pick<ObjectiveScope, "ownerUserId"> };
  "comment.create": undefined;
  "comment.edit": { authorUserId: string };
  "comment.delete": { authorUserId: string };
}

export type Action = keyof Subjects;

/** A company objective the actor would own: "may this person write company objectives?" */
export const companyObjectiveOf = (actor: Actor): ObjectiveScope => ({ level: "company", teamId: null, ownerUserId: actor.userId, ownerLeadIds: [] });

/** Just the Actor of a context, as plain data a server component can hand to a client component. */
export const actorOf = (actor: Actor): Actor => ({ userId: actor.userId, role: actor.role, teamIds: [...actor.teamIds] });

const isAdmin = (actor: Actor) => actor.role === "owner" || actor.role === "admin";
const isOwner = (actor: Actor) => actor.role === "owner";
const everyone = () => true;

/**
 * Whether the actor may put an objective here: create it, or move one (level, team, owner) to it.
 * Company objectives are the admins'; a team's objectives its members'; an individual objective
 * its owner's and the leads' of the owner's teams.
 */
function placesObjective(actor: Actor, objective: ObjectiveScope): boolean {
  if (isAdmin(actor)) return true;
  switch (objective.level) {
    case "company":
      return false;
    case "team":
      return objective.teamId !== null && actor.teamIds.includes(objective.teamId);
    case "individual":
      return objective.ownerUserId === actor.userId || objective.ownerLeadIds.includes(actor.userId);
  }
}

/**
 * Whether the actor may edit an objective where it is. As placing it, and the owner of a team
 * objective keeps writing it after leaving the team; moving it anywhere else is placing it again.
 */
function writesObjective(actor: Actor, objective: ObjectiveScope): boolean {
  return placesObjective(actor, objective) || (objective.level === "team" && objective.ownerUserId === actor.userId);
}

const rules: { [A in Action]: (actor: Actor, subject: Subjects[A]) => boolean } = {
  "organisation.read": everyone,
  "organisation.update": isAdmin,
  "organisation.delete": isOwner,
  // "Send this week's reminders now" and the failed-mail list belong with the other settings.
  "reminders.send": isAdmin,
  "mail.manage": isAdmin,
  "apiToken.manage": isAdmin,
  "invitation.manage": isAdmin,
  // Owners alone bring in, promote, demote or remove owners.
  "invitation.create": (actor, { role }) => isAdmin(actor) && (role !== "owner" || isOwner(actor)),
  "member.changeRole": (actor, { currentRole, newRole }) =>
    isAdmin(actor) && ((currentRole !== "owner" && newRole !== "owner") || isOwner(actor)),
  "member.remove": (actor, { userId, role }) => userId !== actor.userId && isAdmin(actor) && (role !== "owner" || isOwner(actor)),
  "team.manage": isAdmin,
  "cycle.manage": isAdmin,
  "objective.create": placesObjective,
  "objective.write": writesObjective,
  "checkIn.create": (actor, { keyResultOwnerId, objective }) =>
    isAdmin(actor) || keyResultOwnerId === actor.userId || objective.ownerUserId === actor.userId,
  "comment.create": everyone,
  "comment.edit": (actor, { authorUserId }) => authorUserId === actor.userId,
  "comment.delete": (actor, { authorUserId }) => authorUserId === actor.userId || isAdmin(actor),
};

type SubjectArgs<A extends Action> = Subjects[A] extends undefined ? [] : [subject: Subjects[A]];

export function can<A extends Action>(actor: Actor, action: A, ...subject: SubjectArgs<A>): boolean {
  const rule = rules[action] as (actor: Actor, subject: Subjects[A] | undefined) => boolean;
  return rule(actor, subject[0]);
}

export const actions = Object.keys(rules) as Action[];
