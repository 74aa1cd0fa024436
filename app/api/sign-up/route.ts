import { getLocale } from "next-intl/server";
import { enforce, limits } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/client-address";
import { route } from "@/lib/http";
import { signUp } from "@/lib/services/accounts";
import { signUpSchema } from "@/lib/validation/accounts";

/** A person and their organisation in one step; they land in it, signed in, as its owner. */
export const POST = route({ access: "public", body: signUpSchema }, async ({ req, body }) => {
  await enforce([`sign-up:ip:${clientAddress(req.headers)}`, limits.signUpPerIp]);
  const { user, organisation } = await signUp(body, await getLocale());
  await startSession(user);
  return { redirectTo: `/${organisation.slug}`, organisation };
});
