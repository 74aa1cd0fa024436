import { cookies } from "next/headers";
import { localeCookie } from "@/lib/i18n/config";
import { OK, route } from "@/lib/http";
import { setLocale } from "@/lib/services/accounts";
import { themeCookie } from "@/lib/theme";
import { preferencesSchema } from "@/lib/validation/accounts";

const YEAR = 60 * 60 * 24 * 365;

/** The language and theme switches: a cookie for everyone, and the account's language when signed in. */
export const POST = route({ access: "public", body: preferencesSchema }, async ({ body, user }) => {
  const jar = await cookies();
  if (body.locale) {
    jar.set(localeCookie, body.locale, { path: "/", maxAge: YEAR, sameSite: "lax" });
    if (user) await setLocale(user.id, body.locale);
  }
  if (body.theme) jar.set(themeCookie, body.theme, { path: "/", maxAge: YEAR, sameSite: "lax" });
  return OK;
});
