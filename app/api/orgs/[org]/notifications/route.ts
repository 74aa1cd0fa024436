import { OK, route } from "@/lib/http";
import { getNotificationSettings, updateNotificationSchedule } from "@/lib/services/notification-settings";
import { orgParams } from "@/lib/validation/members";
import { notificationScheduleSchema } from "@/lib/validation/notifications";

export const GET = route({ access: "member", params: orgParams }, async ({ ctx }) => getNotificationSettings(ctx));

/** When reminders and the digest go out, in the organisation's time zone. */
export const PATCH = route({ access: "member", params: orgParams, body: notificationScheduleSchema }, async ({ ctx, body }) => {
  await updateNotificationSchedule(ctx, body);
  return OK;
});
