import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { passwordResets } from "@/db/schema";
import { pinClock, unpinClock } from "@/lib/clock";
import { withoutTenant } from "@/lib/tenant-scope";
import { appError } from "@/tests/app-error";
import { setupTestDatabase } from "@/tests/db";
import { setupMailAndWorker } from "@/tests/mail-and-worker";
import { newOrganisation, TEST_PASSWORD } from "@/tests/world";
import { authenticate, resolveSession } from "./accounts";
import { requestPasswordReset, resetLinkIsValid, resetPassword } from "./password-reset";

setupTestDatabase();

const smtp = setupMailAndWorker();

afterEach(unpinClock);

const linkIn = (text: string | undefined) => text?.match(/https:\/\/okr\.example\.test\/reset-password\/([A-Za-z0-9_-]{43})/);

async function resetMailFor(email: string) {
  const before = smtp.messages.length;
  await requestPasswordReset(email);
  const mails = await smtp.waitFor(before + 1);
  const mail = mails.slice(before).find((message) => message.subject === "Reset your Retning password");
  const match = linkIn(mail?.text);
  if (!mail || !match?.[1]) throw new Error("No reset link arrived");
  expect(mail.html).toContain(match[0]);
  return { mail, token: match[1] };
}

describe("password reset", () => {
  it("emails a single-use link from APP_URL; the new password ends every session and the old one stops working", async () => {
    const { owner } = await newOrganisation("Reset");
    const { token } = await resetMailFor(owner.email);
    expect(await resetLinkIsValid(token)).toBe(true);
    // Only the link's hash is stored.
    const stored = await withoutTenant((tx) => tx.select().from(passwordResets).where(eq(passwordResets.userId, owner.id)));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    await resetPassword(token, "a brand new passphrase");
    expect(await authenticate(owner.email, TEST_PASSWORD)).toBeNull();
    expect(await authenticate(owner.email, "a brand new passphrase")).toMatchObject({ id: owner.id, sessionVersion: owner.sessionVersion + 1 });
    expect(await resolveSession(owner.id, owner.sessionVersion, randomUUID())).toBeNull();

    expect(await resetLinkIsValid(token)).toBe(false);
    expect((await appError(resetPassword(token, "yet another passphrase"))).code).toBe("gone");
  });

  it("stops working after 30 minutes, and refuses a common password without using the link", async () => {
    const { owner } = await newOrganisation("Expiry");
    const { token } = await resetMailFor(owner.email);
    expect((await appError(resetPassword(token, "password1"))).fields).toEqual({ password: ["validation.passwordCommon"] });
    pinClock(new Date(Date.now() + 29 * 60_000));
    expect(await resetLinkIsValid(token)).toBe(true);
    pinClock(new Date(Date.now() + 31 * 60_000));
    expect(await resetLinkIsValid(token)).toBe(false);
    expect((await appError(resetPassword(token, "a brand new passphrase"))).code).toBe("gone");
    unpinClock();
    expect(await authenticate(owner.email, TEST_PASSWORD)).not.toBeNull();
  });

  it("for an address without an account answers the same, and sends and stores nothing", async () => {
    const before = smtp.messages.length;
    await expect(requestPasswordReset("nobody-here@example.test")).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messages.length).toBe(before);
  });
});
