import { OK, route } from "@/lib/http";
import { updateEmailPreferences } from "@/lib/services/notification-settings";
import { orgParams } from "@/lib/validation/members";
import { emailPreferencesSchema } from "@/lib/validation/notifications";

/** The signed-in person's own email choices in this organisation. */
export const PUT = route({ access: "member", params: orgParams, body: emailPreferencesSchema }, async ({ ctx, body }) => {
  await updateEmailPreferences(ctx, body);
  return OK;
});
