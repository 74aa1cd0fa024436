import { redirect } from "next/navigation";
import { getCurrentSession, type CurrentSession } from "./session";

/** For pages outside a workspace that still need a signed-in person. */
export async function requireSession(next: string): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return session;
}
