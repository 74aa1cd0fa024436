import { cache } from "react";
import { auth } from "@/lib/auth";
import { resolveSession, type SessionUser } from "@/lib/services/accounts";

export interface CurrentSession {
  user: SessionUser;
  sessionId: string;
  expires: Date;
}

/** What the session token claims, read without the database: not yet proof of a live session. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
  expires: Date;
}

/** The token's claims for this request (React cache), or null without a well-formed one. */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || typeof session.sv !== "number" || !session.sid) return null;
  return { userId, sessionVersion: session.sv, sessionId: session.sid, expires: new Date(session.expires) };
});

/**
 * The signed-in person for this request, checked against the database once per request (React
 * cache): a signed-out, revoked or outdated token answers null on its very next use.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await resolveSession(claims.userId, claims.sessionVersion, claims.sessionId);
  return user ? { user, sessionId: claims.sessionId, expires: claims.expires } : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}
