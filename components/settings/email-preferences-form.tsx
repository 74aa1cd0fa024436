"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";

export interface PreferencesView {
  reminderEmails: boolean;
  escalationEmails: boolean;
  digestEmails: boolean;
  commentEmails: boolean;
}

/** The person's own choice of emails from this organisation (each also has a one-click unsubscribe). */
export function EmailPreferencesForm({ orgSlug, preferences }: { orgSlug: string; preferences: PreferencesView }) {
  const t = useTranslations("notifications");
  const notify = useToast();
  const form = useApiForm({
    submit: (values) => api(`/api/orgs/${orgSlug}/notifications/me`, { method: "PUT", body: values }),
    onSuccess: () => notify({ title: t("preferencesSaved") }),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex max-w-lg flex-col gap-4">
      <FormAlert message={form.formError} />
      <CheckboxField id="pref-reminders" name="reminderEmails" defaultChecked={preferences.reminderEmails} label={t("prefReminders")} hint={t("prefRemindersHint")} />
      <CheckboxField id="pref-escalation" name="escalationEmails" defaultChecked={preferences.escalationEmails} label={t("prefEscalation")} hint={t("prefEscalationHint")} />
      <CheckboxField id="pref-digest" name="digestEmails" defaultChecked={preferences.digestEmails} label={t("prefDigest")} hint={t("prefDigestHint")} />
      <CheckboxField id="pref-comments" name="commentEmails" defaultChecked={preferences.commentEmails} label={t("prefComments")} hint={t("prefCommentsHint")} />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t("savePreferences")}
        </Button>
      </div>
    </form>
  );
}
