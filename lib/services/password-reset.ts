import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { passwordResets, users } from "@/db/schema";
import { hashSecret } from "@/lib/auth/invitation-token";
import { hashPassword, isCommonPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { send } from "@/lib/jobs/boss";
import { linkSecret } from "@/lib/mail/link-secrets";
import { queueAccountMail } from "@/lib/mail/outbox";
import { withoutTenant } from "@/lib/tenant-scope";

/** How long a reset link works. */
export const RESET_MINUTES = 30;

/**
 * "Forgot your password?": the request only enqueues a job with the address, so it answers the
 * same, in the same time, whether or not the address has an account (ASVS 6.3.8). The job looks
 * the person up and, if there is one, writes the reset and its email in one transaction.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  await send("account.password_reset", { email });
}

/** The job's half: a single-use link, valid RESET_MINUTES, of which only the hash is stored. */
export async function issuePasswordReset(email: string): Promise<boolean> {
  return withoutTenant(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
      .limit(1);
    if (!user) return false;
    // The secret is derived from the row's id (lib/mail/link-secrets.ts): stored here as a hash, in the outbox as a nonce.
    const id = randomUUID();
    const expiresAt = new Date(now().getTime() + RESET_MINUTES * 60_000);
    await tx.insert(passwordResets).values({ id, userId: user.id, tokenHash: hashSecret(linkSecret("password_reset", id)), expiresAt });
    await queueAccountMail(tx, { kind: "password_reset", toEmail: user.email, toUserId: user.id, locale: user.locale, dedupeKey: `password_reset:${id}`, data: { name: user.name, nonce: id } });
    return true;
  });
}

const usable = (token: string) =>
  and(eq(passwordResets.tokenHash, hashSecret(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now()));

/** Whether a reset link still works, for the page that asks for the new password. */
export async function resetLinkIsValid(token: string): Promise<boolean> {
  const [row] = await withoutTenant((tx) => tx.select({ id: passwordResets.id }).from(passwordResets).where(usable(token)).limit(1));
  return Boolean(row);
}

/**
 * Sets the new password and uses up the link (and any other open link of the person). The
 * session version moves on, so every session of that person, on every device, ends at once.
 */
export async function resetPassword(token: string, password: string): Promise<{ email: string }> {
  if (await isCommonPassword(password)) throw new AppError("validation_failed", "errors.validation", { password: ["validation.passwordCommon"] });
  const passwordHash = await hashPassword(password);
  return withoutTenant(async (tx) => {
    const [reset] = await tx.select({ id: passwordResets.id, userId: passwordResets.userId }).from(passwordResets).where(usable(token)).for("update");
    if (!reset) throw new AppError("gone", "errors.resetLinkInvalid");
    const at = now();
    await tx.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: at })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    if (!user) throw new AppError("gone", "errors.resetLinkInvalid");
    return { email: user.email };
  });
}
