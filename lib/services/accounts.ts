import "server-only";
import { randomUUID } from "node:crypto";
import { eq, lt, sql } from "drizzle-orm";
import { revokedSessions, users, type Locale } from "@/db/schema";
import { hashPassword, isCommonPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { withOrganisation, withoutTenant, withUser } from "@/lib/tenant-scope";
import type { SignUpInput } from "@/lib/validation/accounts";
import { isUniqueViolation } from "./db-errors";
import { insertOrganisation, type CreatedOrganisation } from "./organisations";
import { now } from "@/lib/clock";

export interface AccountIdentity {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

const byEmail = (email: string) => sql`lower(${users.email}) = lower(${email})`;

/** The person behind an email and password, or null: unknown email and wrong password look the same. */
export async function authenticate(email: string, password: string): Promise<AccountIdentity | null> {
  const [user] = await withoutTenant((tx) =>
    tx
      .select({ id: users.id, name: users.name, email: users.email, sessionVersion: users.sessionVersion, passwordHash: users.passwordHash })
      .from(users)
      .where(byEmail(email))
      .limit(1),
  );
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) return null;
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

const emailTaken = () => new AppError("validation_failed", "errors.validation", { email: ["validation.emailTaken"] });

/**
 * Two sign-ups with one email at the same moment both pass the "is it taken" read; the unique
 * index lets one in and fails the other, which then gets the same answer as if it had come second.
 */
function uniqueEmail<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw isUniqueViolation(error, "users_email_key") ? emailTaken() : error;
  });
}

async function assertUsablePassword(password: string, field: string) {
  if (await isCommonPassword(password)) throw new AppError("validation_failed", "errors.validation", { [field]: ["validation.passwordCommon"] });
}

export interface SignedUp {
  user: AccountIdentity;
  organisation: CreatedOrganisation;
}

/** A new person and the organisation they sign up, which they own, with its first cycle. */
export async function signUp(input: SignUpInput & { timeZone?: string }, locale: Locale): Promise<SignedUp> {
  await assertUsablePassword(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  return createAccountAndOrganisation({ ...input, passwordHash }, locale);
}

export interface NewAccountAndOrganisation {
  name: string;
  email: string;
  passwordHash: string;
  organisationName: string;
  organisationSlug?: string;
  timeZone?: string;
}

/**
 * The person and their organisation, with a password already hashed: what a sign-up becomes once
 * its email is confirmed (lib/services/sign-up-requests.ts).
 */
export async function createAccountAndOrganisation(input: NewAccountAndOrganisation, locale: Locale): Promise<SignedUp> {
  const userId = randomUUID();
  const orgId = randomUUID();
  return uniqueEmail(withOrganisation(orgId, userId, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(byEmail(input.email)).limit(1);
    if (existing) throw emailTaken();
    await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash: input.passwordHash, locale });
    const organisation = await insertOrganisation(tx, orgId, userId, {
      name: input.organisationName,
      slug: input.organisationSlug,
      slugField: "organisationSlug",
      timeZone: input.timeZone,
    });
    return { user: { id: userId, name: input.name, email: input.email, sessionVersion: 1 }, organisation };
  }));
}

/** Refuses the most common passwords (a field error on `field`). */
export async function assertPasswordNotCommon(password: string, field: string): Promise<void> {
  await assertUsablePassword(password, field);
}

/** A new person who arrives through an invitation: no organisation of their own. */
export async function createAccount(input: { name: string; email: string; password: string }, locale: Locale): Promise<AccountIdentity> {
  await assertUsablePassword(input.password, "password");
  const passwordHash = await hashPassword(input.password);
  return uniqueEmail(withoutTenant(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(byEmail(input.email)).limit(1);
    if (existing) throw emailTaken();
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale })
      .returning({ id: users.id, name: users.name, email: users.email, sessionVersion: users.sessionVersion });
    if (!user) throw new Error("Inserting a user returned nothing.");
    return user;
  }));
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: Locale;
}

/**
 * The person behind a session, if the session still stands: same session version (not signed out
 * everywhere, no password change since) and not signed out on this device.
 */
export async function resolveSession(userId: string, sessionVersion: number, sessionId: string): Promise<SessionUser | null> {
  const [row] = await withUser(userId, (tx) =>
    tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        sessionVersion: users.sessionVersion,
        revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.id} = ${sessionId})`,
      })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1),
  );
  if (!row || row.sessionVersion !== sessionVersion || row.revoked) return null;
  return { id: row.id, name: row.name, email: row.email, locale: row.locale };
}

/** Ends one session (this device) until its token would have expired anyway. */
export async function revokeSession(userId: string, sessionId: string, expiresAt: Date): Promise<void> {
  await withUser(userId, async (tx) => {
    await tx.insert(revokedSessions).values({ id: sessionId, userId, expiresAt }).onConflictDoNothing();
    // Expired entries guard nothing any more.
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now()));
  });
}

/** Ends every session of a person, on every device. */
export async function endAllSessions(userId: string): Promise<void> {
  await withUser(userId, (tx) =>
    tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` }).where(eq(users.id, userId)),
  );
}

export async function updateProfile(userId: string, input: { name: string; locale: Locale }): Promise<void> {
  await withUser(userId, (tx) => tx.update(users).set({ ...input, updatedAt: sql`now()` }).where(eq(users.id, userId)));
}

export async function setLocale(userId: string, locale: Locale): Promise<void> {
  await withUser(userId, (tx) => tx.update(users).set({ locale, updatedAt: sql`now()` }).where(eq(users.id, userId)));
}

/**
 * A new password, given the current one. Every other session ends (the version moves on); the
 * returned version lets the caller issue a fresh session for this device.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<number> {
  const [row] = await withUser(userId, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)));
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "errors.validation", { currentPassword: ["validation.currentPasswordWrong"] });
  }
  await assertUsablePassword(newPassword, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  const [updated] = await withUser(userId, (tx) =>
    tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion }),
  );
  return updated?.sessionVersion ?? 0;
}

export const newSessionId = () => randomUUID();
