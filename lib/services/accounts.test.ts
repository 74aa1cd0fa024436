import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/tests/db";
import { rejectionMessages } from "@/tests/errors";
import { newOrganisation, TEST_PASSWORD } from "@/tests/world";
import { authenticate, changePassword, endAllSessions, resolveSession, revokeSession, signUp } from "./accounts";
import { createOrganisation, listMyOrganisations } from "./organisations";
import { appError } from "@/tests/app-error";

setupTestDatabase();

describe("sign-up", () => {
  it("creates the person, their organisation with an editable slug, its current quarter, and makes them owner", async () => {
    const { owner, slug } = await newOrganisation("Nordlys Sport");
    expect(slug).toMatch(/^nordlys-sport-[a-f0-9]{8}$/);
    const orgs = await listMyOrganisations(owner.id);
    expect(orgs).toEqual([expect.objectContaining({ slug, role: "owner" })]);
  });

  it("suggests a free address when the name's is taken, and refuses a chosen one that is", async () => {
    const first = await signUp({ name: "A", email: `a-${Date.now()}@example.test`, password: TEST_PASSWORD, organisationName: "Same Name Inc", organisationSlug: `same-${Date.now()}` }, "en");
    const second = await signUp({ name: "B", email: `b-${Date.now()}@example.test`, password: TEST_PASSWORD, organisationName: "Same Name Inc" }, "en");
    const third = await signUp({ name: "C", email: `c-${Date.now()}@example.test`, password: TEST_PASSWORD, organisationName: "Same Name Inc" }, "en");
    expect(third.organisation.slug).not.toBe(second.organisation.slug);
    const clash = await appError(
      signUp({ name: "D", email: `d-${Date.now()}@example.test`, password: TEST_PASSWORD, organisationName: "X", organisationSlug: first.organisation.slug }, "en"),
    );
    expect(clash.fields).toEqual({ organisationSlug: ["validation.slugTaken"] });
    // Another organisation for someone signed in: the form's field is `slug`.
    const another = await appError(createOrganisation(first.user.id, { name: "Y", slug: first.organisation.slug }));
    expect(another.fields).toEqual({ slug: ["validation.slugTaken"] });
  });

  it("refuses the most common passwords and an email that already has an account", async () => {
    const common = await appError(signUp({ name: "E", email: `e-${Date.now()}@example.test`, password: "password1", organisationName: "Org" }, "en"));
    expect(common.fields).toEqual({ password: ["validation.passwordCommon"] });
    const { owner } = await newOrganisation();
    const taken = await appError(signUp({ name: "F", email: owner.email.toUpperCase(), password: TEST_PASSWORD, organisationName: "Org" }, "en"));
    expect(taken.fields).toEqual({ email: ["validation.emailTaken"] });
  });
});

describe("simultaneous sign-ups", () => {
  it("with one email: one gets the account, the others the answer a second sign-up gets", async () => {
    const email = `twice-${randomUUID()}@example.test`;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => signUp({ name: `P${i}`, email, password: TEST_PASSWORD, organisationName: `Race ${i}` }, "en")),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect((await appError(Promise.reject(result.reason))).fields).toEqual({ email: ["validation.emailTaken"] });
    }
  });

  it("with one organisation name: each gets an address of its own", async () => {
    const name = `Same ${randomUUID().slice(0, 8)}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => signUp({ name: `P${i}`, email: `same-${i}-${randomUUID()}@example.test`, password: TEST_PASSWORD, organisationName: name }, "en")),
    );
    expect(new Set(results.map((result) => result.organisation.slug)).size).toBe(6);
  });
});

describe("authentication", () => {
  it("accepts the right password, case-insensitively by email", async () => {
    const { owner } = await newOrganisation();
    expect(await authenticate(owner.email.toUpperCase(), TEST_PASSWORD)).toMatchObject({ id: owner.id });
  });

  it("answers an unknown email and a wrong password the same way, in comparable time", async () => {
    const { owner } = await newOrganisation();
    await authenticate("warm-up@example.test", "x"); // the dummy hash is computed once
    const time = async (email: string) => {
      const started = performance.now();
      const result = await authenticate(email, "wrong password");
      return { result, ms: performance.now() - started };
    };
    // Interleaved, and each path's fastest of five: a busy machine slows single runs, never all five.
    const fastest = { unknown: Infinity, wrong: Infinity };
    for (let round = 0; round < 5; round++) {
      const unknown = await time("nobody-at-all@example.test");
      const wrong = await time(owner.email);
      expect(unknown.result).toBeNull();
      expect(wrong.result).toBeNull();
      fastest.unknown = Math.min(fastest.unknown, unknown.ms);
      fastest.wrong = Math.min(fastest.wrong, wrong.ms);
    }
    // Both run one argon2id verification; neither is a fast path (which would be ~100× quicker).
    expect(Math.min(fastest.unknown, fastest.wrong) / Math.max(fastest.unknown, fastest.wrong)).toBeGreaterThan(0.3);
  });
});

describe("sessions", () => {
  it("stand until the device signs out, and then only that session ends", async () => {
    const { owner } = await newOrganisation();
    const later = new Date(Date.now() + 3_600_000);
    // Fresh session ids: revoked ids are global and outlive a run on a reused database.
    const [mine, other] = [randomUUID(), randomUUID()];
    expect(await resolveSession(owner.id, 1, mine)).toMatchObject({ id: owner.id });
    await revokeSession(owner.id, mine, later);
    expect(await resolveSession(owner.id, 1, mine)).toBeNull();
    expect(await resolveSession(owner.id, 1, other)).not.toBeNull();
  });

  it("all end when signing out everywhere or changing the password", async () => {
    const { owner } = await newOrganisation();
    const sid = randomUUID();
    await endAllSessions(owner.id);
    expect(await resolveSession(owner.id, 1, sid)).toBeNull();
    expect(await resolveSession(owner.id, 2, sid)).not.toBeNull();
    const version = await changePassword(owner.id, TEST_PASSWORD, "a brand new passphrase");
    expect(version).toBe(3);
    expect(await resolveSession(owner.id, 2, sid)).toBeNull();
    expect(await authenticate(owner.email, "a brand new passphrase")).not.toBeNull();
  });

  it("needs the current password to change it, and refuses a common new one", async () => {
    const { owner } = await newOrganisation();
    expect(await rejectionMessages(changePassword(owner.id, "not my password", "another good passphrase"))).toMatch(/errors.validation/);
    const common = await appError(changePassword(owner.id, TEST_PASSWORD, "iloveyou"));
    expect(common.fields).toEqual({ newPassword: ["validation.passwordCommon"] });
    expect(await authenticate(owner.email, TEST_PASSWORD)).not.toBeNull();
  });
});
