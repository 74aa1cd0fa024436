import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { signUpRequests, users } from "@/db/schema";
import { hashSecret } from "@/lib/auth/invitation-token";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import type { Locale } from "@/lib/domain";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/boss";
import { linkSecret } from "@/lib/mail/link-secrets";
import { queueAccountMail } from "@/lib/mail/outbox";
import { isTimeZone } from "@/lib/okr/weekly-rhythm";
import { withoutTenant } from "@/lib/tenant-scope";
import type { SignUpInput } from "@/lib/validation/accounts";
import { assertPasswordNotCommon, createAccountAndOrganisation, type SignedUp } from "./accounts";

/** How long a confirmation link works. */
export const SIGN_UP_HOURS = 24;

/**
 * Signing up no longer says whether an address is taken. The form's answer is always "check your
 * inbox": the request (with the password already hashed, so both cases cost the same) is kept with
 * a job, and the job emails either a confirmation link (a new address) or a note to the owner of
 * an existing account on how to sign in or reset. Nothing exists until the link is opened: an
 * unconfirmed request holds no address and no slug.
 */
export async function requestSignUp(input: SignUpInput, locale: Locale, timeZone: string | undefined): Promise<void> {
  await assertPasswordNotCommon(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  await withoutTenant(async (tx) => {
    await tx.insert(signUpRequests).values({
      id,
      email: input.email,
      name: input.name,
      passwordHash,
      organisationName: input.organisationName,
      organisationSlug: input.organisationSlug ?? null,
      timeZone: timeZone && isTimeZone(timeZone) ? timeZone : env().APP_TIME_ZONE,
      locale,
      tokenHash: hashSecret(linkSecret("sign_up", id)),
      expiresAt: new Date(now().getTime() + SIGN_UP_HOURS * 3_600_000),
    });
    await enqueue(tx, "account.sign_up", [{ requestId: id }]);
  });
}

/** The job: a confirmation link to a new address, or a note to the owner of an existing account. */
export async function mailSignUpRequest(requestId: string): Promise<void> {
  await withoutTenant(async (tx) => {
    const [request] = await tx.select().from(signUpRequests).where(eq(signUpRequests.id, requestId));
    if (!request) return;
    const [existing] = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${request.email})`)
      .limit(1);
    if (existing) {
      await queueAccountMail(tx, { kind: "sign_up_existing", toEmail: existing.email, toUserId: existing.id, locale: existing.locale, dedupeKey: `sign_up_existing:${request.id}`, data: { name: existing.name } });
      // The request can never be confirmed: nothing of it needs keeping.
      await tx.delete(signUpRequests).where(eq(signUpRequests.id, request.id));
      return;
    }
    await queueAccountMail(tx, {
      kind: "sign_up_confirm",
      toEmail: request.email,
      locale: request.locale,
      dedupeKey: `sign_up_confirm:${request.id}`,
      data: { name: request.name, organisationName: request.organisationName, nonce: request.id },
    });
  });
}

const open = (token: string) =>
  and(eq(signUpRequests.tokenHash, hashSecret(token)), isNull(signUpRequests.confirmedAt), gt(signUpRequests.expiresAt, now()));

export interface PendingSignUp {
  email: string;
  organisationName: string;
}

/** What a confirmation link stands for, for the page that asks to confirm; null once used, expired or unknown. */
export async function previewSignUp(token: string): Promise<PendingSignUp | null> {
  const [row] = await withoutTenant((tx) =>
    tx.select({ email: signUpRequests.email, organisationName: signUpRequests.organisationName }).from(signUpRequests).where(open(token)).limit(1),
  );
  return row ?? null;
}

/**
 * Opens a confirmation link: the person and their organisation are created, once (the request is
 * locked and marked). A slug someone took in the meantime gives way to a free one made from the
 * name; an address that got an account in the meantime gets no second one.
 */
export async function confirmSignUp(token: string): Promise<SignedUp> {
  const request = await withoutTenant(async (tx) => {
    const [row] = await tx.select().from(signUpRequests).where(open(token)).for("update");
    if (!row) return null;
    await tx.update(signUpRequests).set({ confirmedAt: now() }).where(eq(signUpRequests.id, row.id));
    return row;
  });
  if (!request) throw new AppError("gone", "errors.signUpLinkInvalid");
  const account = { name: request.name, email: request.email, passwordHash: request.passwordHash, organisationName: request.organisationName, timeZone: request.timeZone };
  try {
    return await createAccountAndOrganisation({ ...account, organisationSlug: request.organisationSlug ?? undefined }, request.locale);
  } catch (error) {
    if (error instanceof AppError && error.fields?.organisationSlug) return createAccountAndOrganisation(account, request.locale);
    if (error instanceof AppError && error.fields?.email) throw new AppError("gone", "errors.signUpAccountExists");
    // Nothing was created: the link works again.
    await withoutTenant((tx) => tx.update(signUpRequests).set({ confirmedAt: null }).where(eq(signUpRequests.id, request.id)));
    throw error;
  }
}
