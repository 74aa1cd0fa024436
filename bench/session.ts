import { LARGE_PASSWORD } from "@/db/seed/large/logins";

/** Headers that make a request look like the signed-in person's browser on this origin. */
export interface Identity {
  email: string;
  cookie: string;
}

/** Signs in through POST /api/session (as the sign-in form does) and keeps the session cookie. */
export async function signIn(origin: string, email: string, password = LARGE_PASSWORD): Promise<Identity> {
  const response = await fetch(`${origin}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
  if (!response.ok) throw new Error(`Signing in as ${email} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";", 1)[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
  if (!cookie) throw new Error(`Signing in as ${email} set no cookie.`);
  return { email, cookie };
}
