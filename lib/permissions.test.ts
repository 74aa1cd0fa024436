import { describe, expect, it } from "vitest";
import type { MembershipRole } from "@/lib/domain";
import { actions, can, type Action, type Actor, type ObjectiveScope, type Subjects } from "./permissions";

const me = "11111111-1111-4111-8111-111111111111";
const someoneElse = "22222222-2222-4222-8222-222222222222";
const myTeam = "33333333-3333-4333-8333-333333333333";
const otherTeam = "44444444-4444-4444-8444-444444444444";
const third = "55555555-5555-4555-8555-555555555555";

const actor = (role: MembershipRole): Actor => ({ userId: me, role, teamIds: [myTeam] });
const roles: MembershipRole[] = ["owner", "admin", "member"];

const companyGoal: ObjectiveScope = { level: "company", ownerUserId: someoneElse, teamId: null, ownerLeadIds: [] };
const myTeamGoal: ObjectiveScope = { level: "team", ownerUserId: someoneElse, teamId: myTeam, ownerLeadIds: [] };
const otherTeamGoal: ObjectiveScope = { level: "team", ownerUserId: someoneElse, teamId: otherTeam, ownerLeadIds: [] };
const myGoal: ObjectiveScope = { level: "individual", ownerUserId: me, teamId: null, ownerLeadIds: [] };
const theirGoal: ObjectiveScope = { level: "individual", ownerUserId: someoneElse, teamId: null, ownerLeadIds: [third] };
/** Someone in a team I lead: I am among the leads of their teams. */
const myPersonsGoal: ObjectiveScope = { level: "individual", ownerUserId: someoneElse, teamId: null, ownerLeadIds: [third, me] };

type Case = { [A in Action]: { action: A; name: string; subject: Subjects[A]; allowed: MembershipRole[] } }[Action];

/** The whole matrix: every action, with the subjects that change the answer, for every role. */
const matrix: Case[] = [
  { action: "organisation.read", name: "read everything", subject: undefined, allowed: roles },
  { action: "organisation.update", name: "change settings", subject: undefined, allowed: ["owner", "admin"] },
  { action: "organisation.delete", name: "delete the organisation", subject: undefined, allowed: ["owner"] },
  { action: "reminders.send", name: "send this week's reminders now", subject: undefined, allowed: ["owner", "admin"] },
  { action: "mail.manage", name: "see and retry failed email", subject: undefined, allowed: ["owner", "admin"] },
  { action: "apiToken.manage", name: "see and revoke every API token of the organisation", subject: undefined, allowed: ["owner", "admin"] },
  { action: "invitation.manage", name: "list and revoke invitations", subject: undefined, allowed: ["owner", "admin"] },
  { action: "invitation.create", name: "invite a member", subject: { role: "member" }, allowed: ["owner", "admin"] },
  { action: "invitation.create", name: "invite an admin", subject: { role: "admin" }, allowed: ["owner", "admin"] },
  { action: "invitation.create", name: "invite an owner", subject: { role: "owner" }, allowed: ["owner"] },
  { action: "member.changeRole", name: "promote a member to admin", subject: { userId: someoneElse, currentRole: "member", newRole: "admin" }, allowed: ["owner", "admin"] },
  { action: "member.changeRole", name: "promote an admin to owner", subject: { userId: someoneElse, currentRole: "admin", newRole: "owner" }, allowed: ["owner"] },
  { action: "member.changeRole", name: "demote an owner", subject: { userId: someoneElse, currentRole: "owner", newRole: "admin" }, allowed: ["owner"] },
  { action: "member.remove", name: "remove a member", subject: { userId: someoneElse, role: "member" }, allowed: ["owner", "admin"] },
  { action: "member.remove", name: "remove an owner", subject: { userId: someoneElse, role: "owner" }, allowed: ["owner"] },
  { action: "member.remove", name: "remove oneself (that is leaving)", subject: { userId: me, role: "member" }, allowed: [] },
  { action: "team.manage", name: "manage teams", subject: undefined, allowed: ["owner", "admin"] },
  { action: "cycle.manage", name: "manage cycles", subject: undefined, allowed: ["owner", "admin"] },
  { action: "objective.create", name: "write a company objective", subject: companyGoal, allowed: ["owner", "admin"] },
  { action: "objective.create", name: "write my team's objective", subject: myTeamGoal, allowed: roles },
  { action: "objective.create", name: "write another team's objective", subject: otherTeamGoal, allowed: ["owner", "admin"] },
  { action: "objective.create", name: "write my own objective", subject: myGoal, allowed: roles },
  { action: "objective.create", name: "write someone else's objective", subject: theirGoal, allowed: ["owner", "admin"] },
  { action: "objective.create", name: "write an objective for someone in a team I lead", subject: myPersonsGoal, allowed: roles },
  { action: "objective.create", name: "place an objective I own in another team", subject: { ...otherTeamGoal, ownerUserId: me }, allowed: ["owner", "admin"] },
  { action: "objective.write", name: "edit a company objective", subject: companyGoal, allowed: ["owner", "admin"] },
  { action: "objective.write", name: "edit a company objective I own", subject: { ...companyGoal, ownerUserId: me }, allowed: ["owner", "admin"] },
  { action: "objective.write", name: "edit my team's objective", subject: myTeamGoal, allowed: roles },
  { action: "objective.write", name: "edit another team's objective I own", subject: { ...otherTeamGoal, ownerUserId: me }, allowed: roles },
  { action: "objective.write", name: "edit another team's objective", subject: otherTeamGoal, allowed: ["owner", "admin"] },
  { action: "objective.write", name: "edit my own objective", subject: myGoal, allowed: roles },
  { action: "objective.write", name: "edit someone else's objective", subject: theirGoal, allowed: ["owner", "admin"] },
  { action: "objective.write", name: "edit the objective of someone in a team I lead", subject: myPersonsGoal, allowed: roles },
  { action: "checkIn.create", name: "check in on a key result I own", subject: { keyResultOwnerId: me, objective: companyGoal }, allowed: roles },
  { action: "checkIn.create", name: "check in on my objective's key result", subject: { keyResultOwnerId: someoneElse, objective: myGoal }, allowed: roles },
  { action: "checkIn.create", name: "check in on someone else's key result", subject: { keyResultOwnerId: someoneElse, objective: myTeamGoal }, allowed: ["owner", "admin"] },
  { action: "comment.create", name: "comment", subject: undefined, allowed: roles },
  { action: "comment.edit", name: "edit my comment", subject: { authorUserId: me }, allowed: roles },
  { action: "comment.edit", name: "edit someone else's comment", subject: { authorUserId: someoneElse }, allowed: [] },
  { action: "comment.delete", name: "delete my comment", subject: { authorUserId: me }, allowed: roles },
  { action: "comment.delete", name: "delete someone else's comment", subject: { authorUserId: someoneElse }, allowed: ["owner", "admin"] },
];

describe("permissions", () => {
  for (const { action, name, subject, allowed } of matrix) {
    for (const role of roles) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? "may" : "may not"} ${name}`, () => {
        const check = can as (actor: Actor, action: Action, subject?: unknown) => boolean;
        expect(check(actor(role), action, subject)).toBe(expected);
      });
    }
  }

  it("covers every action in the table", () => {
    const covered = new Set(matrix.map((entry) => entry.action));
    expect(actions.filter((action) => !covered.has(action))).toEqual([]);
  });
});
