import { AppError } from "@/lib/errors";
import { authenticate, type AccountIdentity } from "@/lib/services/accounts";
import { trustedDeviceFor } from "./device-cookie";
import { assertNotLimited, countFailure, limits, reset, type Limit } from "./rate-limit";

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address (lib/client-address.ts), never a header the client set itself. */
  address: string;
  /** This browser's device cookie, if it has one. */
  deviceCookie: string | undefined;
  secret: string;
}

type Limits = Pick<typeof limits, "signInFailuresPerAccount" | "signInFailuresPerIp" | "signInFailuresGlobal" | "signInFailuresPerDevice">;

/** Rate-limit keys; the global one is named so tests can keep their own. */
export interface SignInKeys {
  global: string;
}

const defaultKeys: SignInKeys = { global: "sign-in:global" };

/**
 * Checks the limits, then the password (ASVS 6.3.1); an unknown email and a wrong password get
 * the same answer (ASVS 6.3.8).
 *
 * A browser without a token for this account is held to three limits on failures: per account,
 * per address and a global ceiling. A browser that signed in to this account before (a valid
 * device token) is held to its own limit only, so a lockout that others cause does not keep the
 * owner out, and its failures do not lock the account for anyone else either.
 */
export async function attemptSignIn(attempt: SignInAttempt, policy: Limits = limits, keys: SignInKeys = defaultKeys): Promise<AccountIdentity> {
  const device = trustedDeviceFor(attempt.deviceCookie, attempt.email, attempt.secret);
  const accountKey = `sign-in:account:${attempt.email}`;
  const checks: Array<[string, Limit]> = device
    ? [[`sign-in:device:${device}`, policy.signInFailuresPerDevice]]
    : [
        [accountKey, policy.signInFailuresPerAccount],
        [`sign-in:ip:${attempt.address}`, policy.signInFailuresPerIp],
        [keys.global, policy.signInFailuresGlobal],
      ];
  await assertNotLimited(...checks);
  const identity = await authenticate(attempt.email, attempt.password);
  if (!identity) {
    await countFailure(...checks);
    throw new AppError("unauthorized", "errors.invalidCredentials");
  }
  // A person who mistyped and then got in starts afresh. A trusted browser's success leaves the
  // account's count alone: someone else may be the one failing.
  await reset(device ? `sign-in:device:${device}` : accountKey);
  return identity;
}
