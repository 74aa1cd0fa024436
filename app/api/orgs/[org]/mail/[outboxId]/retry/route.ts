import { OK, route } from "@/lib/http";
import { retryFailedMail } from "@/lib/services/mail-status";
import { mailParams } from "@/lib/validation/notifications";

/** An admin tries a failed message once more. */
export const POST = route({ access: "member", params: mailParams }, async ({ ctx, params }) => {
  await retryFailedMail(ctx, params.outboxId);
  return OK;
});
