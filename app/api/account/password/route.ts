import { enforce, limits } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/sign-in";
import { route } from "@/lib/http";
import { changePassword } from "@/lib/services/accounts";
import { passwordChangeSchema } from "@/lib/validation/accounts";

/** Every other session ends; this device gets a fresh one so the person stays signed in here. */
export const POST = route({ access: "user", body: passwordChangeSchema }, async ({ user, body }) => {
  await enforce([`password:account:${user.id}`, limits.passwordChangePerAccount]);
  const sessionVersion = await changePassword(user.id, body.currentPassword, body.newPassword);
  await startSession({ id: user.id, name: user.name, email: user.email, sessionVersion });
  return { ok: true };
});
