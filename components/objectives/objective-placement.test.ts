import { describe, expect, it } from "vitest";
import type { MembershipRole } from "@/lib/domain";
import type { ObjectiveFormOptions } from "@/lib/services/objective-form";
import { placements } from "./objective-placement";

const options: ObjectiveFormOptions = {
  members: [
    { id: "ola", name: "Ola", leadIds: ["ola"] },
    { id: "sofie", name: "Sofie", leadIds: ["ola"] },
    { id: "emil", name: "Emil", leadIds: ["ola"] },
    { id: "jonas", name: "Jonas", leadIds: ["nora"] },
    { id: "anders", name: "Anders", leadIds: [] },
  ],
  teams: [
    { id: "marketing", name: "Marketing", depth: 0, parentTeamId: null, leadUserId: "ola" },
    { id: "service", name: "Customer Service", depth: 0, parentTeamId: null, leadUserId: "nora" },
  ],
  parents: [],
};

const actor = (userId: string, role: MembershipRole, teamIds: string[]) => ({ userId, role, teamIds });
const ids = (people: Array<{ id: string }>) => people.map((person) => person.id);

describe("what the objective dialog offers", () => {
  it("a lead gives personal objectives to the people of their team, and writes in their own teams only", () => {
    const ola = placements(actor("ola", "member", ["marketing"]), options, undefined);
    expect(ids(ola.ownersAt("individual", null))).toEqual(["ola", "sofie", "emil"]);
    expect(ids(ola.teams)).toEqual(["marketing"]);
    expect(ola.levels).toEqual({ company: false, team: true, individual: true });
  });

  it("a member who leads nobody owns their own personal objectives only", () => {
    const emil = placements(actor("emil", "member", ["marketing"]), options, undefined);
    expect(ids(emil.ownersAt("individual", null))).toEqual(["emil"]);
    expect(ids(emil.ownersAt("team", "marketing"))).toEqual(ids(options.members));
  });

  it("an admin places anything anywhere", () => {
    const admin = placements(actor("anders", "admin", []), options, undefined);
    expect(ids(admin.ownersAt("individual", null))).toEqual(ids(options.members));
    expect(ids(admin.teams)).toEqual(["marketing", "service"]);
    expect(admin.levels).toEqual({ company: true, team: true, individual: true });
  });

  it("an edited objective may stay where it is, though the editor could not put it there today", () => {
    const emil = placements(actor("emil", "member", []), options, { level: "team", teamId: "service", ownerUserId: "emil" });
    expect(ids(emil.teams)).toEqual(["service"]);
    expect(ids(emil.ownersAt("team", "service"))).toEqual(["emil"]);
  });
});
