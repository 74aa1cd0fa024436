import { route } from "@/lib/http";
import { sendRemindersNow } from "@/lib/services/reminders";
import { orgParams } from "@/lib/validation/members";

/** "Send this week's reminders now": the scheduled run's rules and once-a-week key, at once. */
export const POST = route({ access: "member", params: orgParams }, async ({ ctx }) => sendRemindersNow(ctx));
