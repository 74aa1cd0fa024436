import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, type SessionClaims } from "@/lib/auth/session-token";
import { redeemGrant } from "@/lib/auth/grants";
import { newSessionId } from "@/lib/services/accounts";

declare module "next-auth" {
  interface Session extends Partial<SessionClaims> {
    expires: string;
  }
  interface User {
    sessionVersion?: number;
  }
}

/**
 * Auth.js issues and reads the session JWT. Retning's own route handlers verify credentials (after
 * rate limiting) and then ask it for a session; its HTTP endpoints are not mounted, so nothing
 * reaches a session without passing the limits.
 */
function config(): NextAuthConfig {
  const { AUTH_SECRET, secureCookies } = env();
  return {
    secret: AUTH_SECRET,
    trustHost: true,
    useSecureCookies: secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    cookies: {
      sessionToken: {
        name: sessionCookieName(secureCookies),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
      },
    },
    providers: [
      // The password was verified (after rate limits) by app/api/session; this redeems its grant.
      Credentials({
        credentials: { grant: {} },
        authorize(raw) {
          const user = redeemGrant(raw?.grant);
          return user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = user.sessionVersion ?? 1;
          token.sid = newSessionId();
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.sub ?? "" },
          sv: typeof token.sv === "number" ? token.sv : undefined,
          sid: typeof token.sid === "string" ? token.sid : undefined,
        };
      },
    },
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
        console.error(error);
      },
    },
  };
}

export const { auth, signIn, signOut } = NextAuth(() => config());
