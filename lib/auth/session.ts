import { cache } from "react";
import { auth } from "@/lib/auth";
import { resolveSession, type SessionUser } from "@/lib/services/accounts";

export interface CurrentSession {
  user: SessionUser;
  sessionId: string;
  expires: Date;
}

/**
 * The signed-in person for this request, checked against the database once per request (React
 * cache): a signed-out, revoked or outdated token answers null on its very next use.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || typeof session.sv !== "number" || !session.sid) return null;
  const user = await resolveSession(userId, session.sv, session.sid);
  return user ? { user, sessionId: session.sid, expires: new Date(session.expires) } : null;
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}
