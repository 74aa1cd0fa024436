import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, signUpRequests } from "@/db/schema";
import { withOrganisation, withoutTenant } from "@/lib/tenant-scope";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { TEST_APP_URL, setupMailAndWorker } from "@/tests/mail-and-worker";
import { newOrganisation, TEST_PASSWORD } from "@/tests/world";
import { authenticate } from "./accounts";
import { listMyOrganisations } from "./organisations";
import { confirmSignUp, previewSignUp, requestSignUp } from "./sign-up-requests";

setupTestDatabase();

const smtp = setupMailAndWorker();

const signUpOf = (email: string) => ({ name: "Founder", email, password: TEST_PASSWORD, organisationName: "Fjordkaffe" });

describe("sign-up by confirmed email", () => {
  it("a new address gets a link; nothing exists until it is opened, then the person lands in their organisation, once", async () => {
    const email = `founder-${Date.now()}@example.test`;
    await expect(requestSignUp(signUpOf(email), "nb", "America/New_York")).resolves.toBeUndefined();
    expect(await authenticate(email, TEST_PASSWORD)).toBeNull();
    const mail = await smtp.mailTo(email);
    expect(mail.subject).toBe("Bekreft e-posten din for å opprette Fjordkaffe");
    const token = mail.text?.match(/https:\/\/okr\.example\.test\/sign-up\/confirm\/([A-Za-z0-9_-]{43})/)?.[1] ?? "";
    expect(mail.html).toContain(`${TEST_APP_URL}/sign-up/confirm/${token}`);
    expect(await previewSignUp(token)).toEqual({ email, organisationName: "Fjordkaffe" });

    const { user, organisation } = await confirmSignUp(token);
    expect(await authenticate(email, TEST_PASSWORD)).toMatchObject({ id: user.id });
    expect(await listMyOrganisations(user.id)).toEqual([expect.objectContaining({ slug: organisation.slug, role: "owner" })]);
    const [org] = await withOrganisation(organisation.id, user.id, (tx) => tx.select({ timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, organisation.id)));
    expect(org?.timeZone).toBe("America/New_York");
    expect((await appError(confirmSignUp(token))).code).toBe("gone");
    expect(await previewSignUp(token)).toBeNull();
  });

  it("an address with an account gets the same answer, and its owner a note on how to sign in or reset; nothing is created", async () => {
    const { owner } = await newOrganisation("Taken");
    await expect(requestSignUp({ ...signUpOf(owner.email.toUpperCase()), password: "some other passphrase" }, "en", "UTC")).resolves.toBeUndefined();
    const mail = await smtp.mailTo(owner.email);
    expect(mail.subject).toBe("Someone tried to sign up with your email");
    expect(mail.text).toContain(`${TEST_APP_URL}/sign-in`);
    expect(mail.text).toContain(`${TEST_APP_URL}/forgot-password`);
    expect(await authenticate(owner.email, "some other passphrase")).toBeNull();
    expect(await listMyOrganisations(owner.id)).toHaveLength(1);
    // The request is gone: it can never be confirmed.
    expect(await withoutTenant((tx) => tx.select().from(signUpRequests).where(eq(signUpRequests.email, owner.email.toUpperCase())))).toEqual([]);
  });

  it("refuses the most common passwords before anything is sent", async () => {
    const error = await appError(requestSignUp({ ...signUpOf(`common-${Date.now()}@example.test`), password: "password1" }, "en", undefined));
    expect(error.fields).toEqual({ password: ["validation.passwordCommon"] });
  });
});
