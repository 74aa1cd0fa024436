import type { Limit } from "./rate-limit";

/**
 * Limits on what sends email to an address someone typed: enough for a person who asks twice,
 * far too few to flood an inbox or to probe which addresses have accounts.
 */
export const mailLimits = {
  passwordResetPerIp: { points: 20, windowSeconds: 60 * 60 },
  passwordResetPerEmail: { points: 5, windowSeconds: 60 * 60 },
  resetLinkFailuresPerIp: { points: 30, windowSeconds: 15 * 60 },
  signUpPerEmail: { points: 5, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;
