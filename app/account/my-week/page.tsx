import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/require-user";
import { myWeekPathFor } from "@/lib/services/landing";

/**
 * Where the installed app opens (app/manifest.ts): My week of the person's organisation, which a
 * manifest cannot name because it is the same for everyone. Signed out, sign-in comes back here.
 */
export default async function MyWeekStart() {
  const { user } = await requireSession("/account/my-week");
  redirect(await myWeekPathFor(user.id));
}
