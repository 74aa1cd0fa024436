import { describe, expect, it } from "vitest";
import { alignmentRefusal, teamsAbove } from "./alignment";

const teams = [
  { id: "commerce", parentTeamId: null },
  { id: "marketing", parentTeamId: "commerce" },
  { id: "social", parentTeamId: "marketing" },
  { id: "platform", parentTeamId: null },
];

describe("alignment", () => {
  it("points upwards: people to teams and the company, teams to the company and to teams above them", () => {
    const company = { level: "company", teamId: null } as const;
    const social = { level: "team", teamId: "social" } as const;
    const above = teamsAbove("social", teams);
    expect(above).toEqual(["marketing", "commerce"]);
    expect(alignmentRefusal({ level: "individual", teamId: null }, social, [])).toBeNull();
    expect(alignmentRefusal({ level: "individual", teamId: null }, company, [])).toBeNull();
    expect(alignmentRefusal(social, company, above)).toBeNull();
    expect(alignmentRefusal(social, { level: "team", teamId: "commerce" }, above)).toBeNull();
    expect(alignmentRefusal(social, { level: "team", teamId: "platform" }, above)).toBe("validation.alignParentTeam");
    expect(alignmentRefusal({ level: "team", teamId: "commerce" }, social, teamsAbove("commerce", teams))).toBe("validation.alignParentTeam");
    expect(alignmentRefusal(company, company, [])).toBe("validation.companyCannotAlign");
    expect(alignmentRefusal(social, { level: "individual", teamId: null }, above)).toBe("validation.alignUpwards");
  });

  it("stops walking at a loop in the team data", () => {
    expect(teamsAbove("a", [{ id: "a", parentTeamId: "b" }, { id: "b", parentTeamId: "a" }])).toEqual(["b", "a"]);
  });
});
