import { cookies } from "next/headers";
import { localeCookie } from "@/lib/i18n/config";
import { OK, route } from "@/lib/http";
import { updateProfile } from "@/lib/services/accounts";
import { profileSchema } from "@/lib/validation/accounts";

export const PATCH = route({ access: "user", body: profileSchema }, async ({ user, body }) => {
  await updateProfile(user.id, body);
  (await cookies()).set(localeCookie, body.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return OK;
});
