import { signOut } from "@/lib/auth";
import { route } from "@/lib/http";
import { endAllSessions } from "@/lib/services/accounts";

/** Sign out everywhere: every token issued before now stops working on its next request. */
export const POST = route({ access: "user" }, async ({ user }) => {
  await endAllSessions(user.id);
  await signOut({ redirect: false });
  return { redirectTo: "/sign-in" };
});
