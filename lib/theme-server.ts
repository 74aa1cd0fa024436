import { cookies } from "next/headers";
import { isTheme, themeCookie, type Theme } from "./theme";

/** The theme chosen in the cookie, for server components that render the switch. */
export async function currentTheme(): Promise<Theme> {
  const value = (await cookies()).get(themeCookie)?.value;
  return isTheme(value) ? value : "system";
}
