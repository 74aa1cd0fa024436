"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiForm } from "@/components/forms/use-api-form";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { api } from "@/lib/api-client";
import type { TeamOption } from "./types";

/** Connects a Slack or Teams channel by its incoming-webhook URL, and what it should hear about. */
export function ChatForm({ orgSlug, teams }: { orgSlug: string; teams: TeamOption[] }) {
  const t = useTranslations("integrations");
  const router = useRouter();
  const notify = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useApiForm({
    submit: (values) =>
      api(`/api/orgs/${orgSlug}/integrations`, {
        body: { kind: values.kind, description: values.description, url: values.url, postDigest: values.postDigest === "on", checkInTeamId: values.checkInTeamId || null, postStatusChanges: values.postStatusChanges === "on" },
      }),
    onSuccess: () => {
      notify({ title: t("connected") });
      formRef.current?.reset();
      router.refresh();
    },
  });
  const errors = form.fieldErrors;
  return (
    <form ref={formRef} onSubmit={form.onSubmit} noValidate className="flex max-w-xl flex-col gap-4" aria-label={t("connect")}>
      <FormAlert message={form.formError} />
      <Field id="chat-kind" label={t("kind")} error={errors.kind}>
        <Select id="chat-kind" name="kind" defaultValue="slack">
          <option value="slack">{t("kindSlack")}</option>
          <option value="teams">{t("kindTeams")}</option>
        </Select>
      </Field>
      <Field id="chat-name" label={t("chatName")} error={errors.description}>
        <Input id="chat-name" name="description" maxLength={100} placeholder="#okr" required aria-invalid={!!errors.description || undefined} aria-describedby={describedBy("chat-name", { error: errors.description })} />
      </Field>
      <Field id="chat-url" label={t("chatUrl")} hint={t("chatUrlHint")} error={errors.url}>
        <Input id="chat-url" name="url" type="url" inputMode="url" required aria-invalid={!!errors.url || undefined} aria-describedby={describedBy("chat-url", { hint: true, error: errors.url })} />
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-fg">{t("chatTopics")}</legend>
        <CheckboxField id="chat-digest" name="postDigest" label={t("postDigest")} defaultChecked />
        <CheckboxField id="chat-status" name="postStatusChanges" label={t("postStatusChanges")} defaultChecked />
        <Field id="chat-team" label={t("checkInTeam")} error={errors.checkInTeamId}>
          <Select id="chat-team" name="checkInTeamId" defaultValue="">
            <option value="">{t("noTeam")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <div>
        <Button type="submit" loading={form.pending}>
          {t("connect")}
        </Button>
      </div>
    </form>
  );
}
