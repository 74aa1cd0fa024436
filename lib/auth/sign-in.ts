import { signIn } from "@/lib/auth";
import type { AccountIdentity } from "@/lib/services/accounts";
import { issueGrant } from "./grants";

/** Issues the session cookie for a person whose credentials our route handler has just verified. */
export async function startSession(identity: AccountIdentity): Promise<void> {
  await signIn("credentials", { grant: issueGrant(identity), redirect: false });
}
