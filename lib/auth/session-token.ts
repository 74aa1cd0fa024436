/** What Retning keeps in the session JWT besides the user id (token.sub). */
export interface SessionClaims {
  /** The user's session_version when the token was issued. */
  sv: number;
  /** This session's id, so one device can sign out without ending the others. */
  sid: string;
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact origin over HTTPS (ASVS 3.3).
  return secure ? "__Host-retning.session" : "retning.session";
}
