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
}

export interface Subjects {
  "organisation.read": undefined;
  "organisation.update": undefined;
  "organisation.delete": undefined;
  "reminders.send": undefined;
  "mail.manage": undefined;
  "invitation.manage": undefined;
  "invitation.create": { role: MembershipRole };
  "member.changeRole": { userId: string; currentRole: MembershipRole; newRole: MembershipRole };
  "member.remove": { userId: string; role: MembershipRole };
  "team.manage": undefined;
  "cycle.manage": undefined;
  "objective.create": ObjectiveScope;
  "objective.write": ObjectiveScope;
  "checkIn.create": { keyResultOwnerId: string; objective: ObjectiveScope };
  "comment.create": undefined;
  "comment.edit": { authorUserId: string };
  "comment.delete": { authorUserId: string };
}

export type Action = keyof Subjects;

const isAdmin = (actor: Actor) => actor.role === "owner" || actor.role === "admin";
const isOwner = (actor: Actor) => actor.role === "owner";
const everyone = () => true;

function writesObjective(actor: Actor, objective: ObjectiveScope): boolean {
  if (isAdmin(actor)) return true;
  switch (objective.level) {
    case "company":
      return false;
    case "team":
      return objective.teamId !== null && (actor.teamIds.includes(objective.teamId) || objective.ownerUserId === actor.userId);
    case "individual":
      return objective.ownerUserId === actor.userId;
  }
}

const rules: { [A in Action]: (actor: Actor, subject: Subjects[A]) => boolean } = {
  "organisation.read": everyone,
  "organisation.update": isAdmin,
  "organisation.delete": isOwner,
  // "Send this week's reminders now" and the failed-mail list belong with the other settings.
  "reminders.send": isAdmin,
  "mail.manage": isAdmin,
  "invitation.manage": isAdmin,
  // Owners alone bring in, promote, demote or remove owners.
  "invitation.create": (actor, { role }) => isAdmin(actor) && (role !== "owner" || isOwner(actor)),
  "member.changeRole": (actor, { currentRole, newRole }) =>
    isAdmin(actor) && ((currentRole !== "owner" && newRole !== "owner") || isOwner(actor)),
  "member.remove": (actor, { userId, role }) => userId !== actor.userId && isAdmin(actor) && (role !== "owner" || isOwner(actor)),
  "team.manage": isAdmin,
  "cycle.manage": isAdmin,
  "objective.create": writesObjective,
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
