import { getFormatter, getTranslations } from "next-intl/server";
import { EmailPreferencesForm } from "@/components/settings/email-preferences-form";
import { MailStatusPanel } from "@/components/settings/mail-status-panel";
import { NotificationScheduleForm } from "@/components/settings/notification-schedule-form";
import { SendRemindersNow } from "@/components/settings/send-reminders-now";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { getMailStatus } from "@/lib/services/mail-status";
import { getNotificationSettings } from "@/lib/services/notification-settings";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const admin = can(ctx, "mail.manage");
  const [t, format, settings, mail] = await Promise.all([
    getTranslations("notifications"),
    getFormatter(),
    getNotificationSettings(ctx),
    admin ? getMailStatus(ctx) : Promise.resolve(null),
  ]);
  // 2026-01-05 is a Monday: the seven days from it, named in the reader's language.
  const weekdays = Array.from({ length: 7 }, (_, day) => format.dateTime(new Date(Date.UTC(2026, 0, 5 + day, 12)), { weekday: "long", timeZone: "UTC" }));
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <div className="flex flex-col gap-1">
            <CardTitle>{t("scheduleTitle")}</CardTitle>
            <CardDescription>{t("scheduleDescription")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <NotificationScheduleForm orgSlug={ctx.orgSlug} schedule={settings.schedule} weekdays={weekdays} timeZones={Intl.supportedValuesOf("timeZone")} canEdit={can(ctx, "organisation.update")} />
        </CardContent>
      </Card>
      {admin && mail ? (
        <Card>
          <CardHeader>
            <div className="flex flex-col gap-1">
              <CardTitle>{t("sendNowTitle")}</CardTitle>
              <CardDescription>{t("sendNowDescription")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <SendRemindersNow orgSlug={ctx.orgSlug} />
            <MailStatusPanel orgSlug={ctx.orgSlug} status={{ ...mail, failed: mail.failed.map((row) => ({ ...row, failedAt: row.failedAt?.toISOString() ?? null })) }} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <div className="flex flex-col gap-1">
            <CardTitle>{t("mineTitle")}</CardTitle>
            <CardDescription>{t("mineDescription", { name: ctx.orgName })}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <EmailPreferencesForm orgSlug={ctx.orgSlug} preferences={settings.mine} />
        </CardContent>
      </Card>
    </div>
  );
}
