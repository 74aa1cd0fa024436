import { assertNotLimited, countFailure, limits, type Limit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { startSession } from "@/lib/auth/sign-in";
import { OK, route } from "@/lib/http";
import { changePassword } from "@/lib/services/accounts";
import { passwordChangeSchema } from "@/lib/validation/accounts";

/** Every other session ends; this device gets a fresh one so the person stays signed in here. */
export const POST = route({ access: "user", body: passwordChangeSchema }, async ({ user, body }) => {
  // A stolen session must not become a way to guess the password: wrong current passwords are limited.
  const check: [string, Limit] = [`password:account:${user.id}`, limits.passwordChangeFailuresPerAccount];
  await assertNotLimited(check);
  let sessionVersion: number;
  try {
    sessionVersion = await changePassword(user.id, body.currentPassword, body.newPassword);
  } catch (error) {
    if (error instanceof AppError && error.fields?.currentPassword) await countFailure(check);
    throw error;
  }
  await startSession({ id: user.id, name: user.name, email: user.email, sessionVersion });
  return OK;
});
