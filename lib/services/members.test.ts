import { describe, expect, it } from "vitest";
import { createAccount } from "@/lib/services/accounts";
import { setupTestDatabase } from "@/tests/db";
import { appError } from "@/tests/app-error";
import { contextFor, newOrganisation, TEST_PASSWORD } from "@/tests/world";
import {
  acceptInvitation,
  createInvitation,
  listPendingInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "./invitations";
import { changeRole, leaveOrganisation, listMembers, memberOptions, removeMember } from "./members";
import { findMembership } from "./organisations";

setupTestDatabase();

const newPerson = (name = "Invitee") =>
  createAccount({ name, email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.test`, password: TEST_PASSWORD }, "en");

describe("invitations", () => {
  it("are single-use links that make the invited person a member with the invited role", async () => {
    const org = await newOrganisation();
    const person = await newPerson();
    const invitation = await createInvitation(org.ownerCtx, { email: person.email, role: "admin" });
    expect(await previewInvitation(invitation.token)).toMatchObject({ status: "valid", role: "admin", orgSlug: org.slug });
    expect(await acceptInvitation(invitation.token, person)).toEqual({ orgSlug: org.slug });
    expect(await findMembership(person.id, org.slug)).toMatchObject({ role: "admin" });
    expect((await appError(acceptInvitation(invitation.token, person))).message).toBe("errors.invitationUsed");
    expect(await previewInvitation(invitation.token)).toMatchObject({ status: "accepted" });
  });

  it("store only a hash of the link's secret, and a tampered or foreign link finds nothing", async () => {
    const org = await newOrganisation();
    const invitation = await createInvitation(org.ownerCtx, { email: "someone@example.test", role: "member" });
    const [orgPart, secret] = invitation.token.split(".");
    expect(await previewInvitation(`${orgPart}.${"A".repeat(43)}`)).toBeNull();
    expect(await previewInvitation(`${"AAAAAAAAAAAAAAAAAAAAAA"}.${secret}`)).toBeNull();
    expect(await previewInvitation("garbage")).toBeNull();
    const other = await newOrganisation();
    const foreign = await createInvitation(other.ownerCtx, { email: "x@example.test", role: "member" });
    expect(await previewInvitation(`${orgPart}.${foreign.token.split(".")[1]}`)).toBeNull();
  });

  it("can be revoked, and resending issues a new link that replaces the old one", async () => {
    const org = await newOrganisation();
    const person = await newPerson();
    const first = await createInvitation(org.ownerCtx, { email: person.email, role: "member" });
    const resent = await resendInvitation(org.ownerCtx, first.id);
    expect(await previewInvitation(first.token)).toBeNull();
    expect(await previewInvitation(resent.token)).toMatchObject({ status: "valid" });
    await revokeInvitation(org.ownerCtx, first.id);
    expect((await appError(acceptInvitation(resent.token, person))).message).toBe("errors.invitationRevoked");
    expect(await listPendingInvitations(org.ownerCtx)).toEqual([]);
  });

  it("belong to the invited email only", async () => {
    const org = await newOrganisation();
    const invitation = await createInvitation(org.ownerCtx, { email: "intended@example.test", role: "member" });
    const stranger = await newPerson("Stranger");
    expect((await appError(acceptInvitation(invitation.token, stranger))).code).toBe("forbidden");
    expect(await findMembership(stranger.id, org.slug)).toBeNull();
  });

  it("may be sent by admins but not by members, and owners alone invite owners", async () => {
    const org = await newOrganisation();
    const admin = await org.join("admin", "Admin");
    const member = await org.join("member", "Member");
    await expect(createInvitation(admin.ctx, { email: "new-admin@example.test", role: "admin" })).resolves.toBeDefined();
    expect((await appError(createInvitation(admin.ctx, { email: "new-owner@example.test", role: "owner" }))).code).toBe("forbidden");
    expect((await appError(createInvitation(member.ctx, { email: "friend@example.test", role: "member" }))).code).toBe("forbidden");
    expect((await appError(createInvitation(org.ownerCtx, { email: admin.user.email, role: "member" }))).fields).toEqual({
      email: ["validation.alreadyMember"],
    });
  });
});

describe("members", () => {
  it("are listed by name with their roles, a page at a time", async () => {
    const org = await newOrganisation();
    await org.join("member", "Zed");
    await org.join("admin", "Anna");
    const page = await listMembers(org.ownerCtx);
    expect(page.items.map((m) => [m.name, m.role])).toEqual([
      ["Anna", "admin"],
      ["Test Owner", "owner"],
      ["Zed", "member"],
    ]);
    expect(page.nextCursor).toBeNull();
    expect((await listMembers(org.ownerCtx, { q: "ze" })).items.map((m) => m.name)).toEqual(["Zed"]);
  });

  it("are offered to pickers all at once by name, and only this organisation's", async () => {
    const org = await newOrganisation();
    const zed = await org.join("member", "Zed");
    const anna = await org.join("admin", "Anna");
    const other = await newOrganisation("Other");
    await other.join("member", "Bob");
    expect(await memberOptions(org.ownerCtx)).toEqual([
      { id: anna.user.id, name: "Anna" },
      { id: org.owner.id, name: "Test Owner" },
      { id: zed.user.id, name: "Zed" },
    ]);
  });

  it("keep at least one owner: the last owner can neither be demoted nor leave", async () => {
    const org = await newOrganisation();
    expect((await appError(changeRole(org.ownerCtx, org.owner.id, "admin"))).message).toBe("errors.lastOwner");
    expect((await appError(leaveOrganisation(org.ownerCtx))).message).toBe("errors.lastOwnerLeave");
    const second = await org.join("member", "Second");
    await changeRole(org.ownerCtx, second.user.id, "owner");
    await leaveOrganisation(org.ownerCtx);
    expect(await findMembership(org.owner.id, org.slug)).toBeNull();
  });

  it("are managed by admins, except owners, who only owners manage", async () => {
    const org = await newOrganisation();
    const admin = await org.join("admin", "Admin");
    const member = await org.join("member", "Member");
    await changeRole(admin.ctx, member.user.id, "admin");
    expect((await appError(changeRole(admin.ctx, member.user.id, "owner"))).code).toBe("forbidden");
    expect((await appError(removeMember(admin.ctx, org.owner.id))).code).toBe("forbidden");
    expect((await appError(changeRole(member.ctx, admin.user.id, "member"))).code).toBe("forbidden");
    await removeMember(admin.ctx, member.user.id);
    expect(await findMembership(member.user.id, org.slug)).toBeNull();
  });

  it("lose access at once when removed", async () => {
    const org = await newOrganisation();
    const member = await org.join("member", "Leaver");
    await removeMember(org.ownerCtx, member.user.id);
    await expect(contextFor(member.user.id, org.slug)).rejects.toThrow(/not a member/);
  });
});
