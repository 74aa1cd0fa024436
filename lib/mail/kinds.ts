import type { z, ZodType } from "zod";
import type { MailKind, NotificationTopic } from "@/lib/domain";
import { invitationTokenFor } from "@/lib/auth/invitation-token";
import { appLink, linkSecret } from "./link-secrets";
import { commentsData, composeComments } from "./templates/comments";
import { composeDigest, digestData } from "./templates/digest";
import { composeEscalation, escalationData } from "./templates/escalation";
import { composeIntegrationDisabled, integrationDisabledData } from "./templates/integration-disabled";
import { composeInvitation, invitationData } from "./templates/invitation";
import { composePasswordReset, passwordResetData } from "./templates/password-reset";
import { composeReminder, reminderData } from "./templates/reminder";
import { composeSignUpConfirm, composeSignUpExisting, signUpConfirmData, signUpExistingData } from "./templates/sign-up";
import type { Composed, ComposeInput } from "./templates/types";

/**
 * What each kind of email needs: the shape of its stored data (checked again when it is sent), the
 * links it carries (built from APP_URL; secrets derived from the stored nonce), the notification
 * topic a person can unsubscribe from, and its template.
 */
interface KindSpec<T> {
  data: ZodType<T>;
  topic: NotificationTopic | null;
  action: (data: T) => string;
  extraLinks?: (data: T) => Record<string, string>;
  compose: (input: ComposeInput, data: T) => Composed;
}

const spec = <T>(value: KindSpec<T>) => value;

export const mailKindSpecs = {
  invitation: spec({
    data: invitationData,
    topic: null,
    action: (data) => appLink(`/invite/${invitationTokenFor(data.orgId, linkSecret("invitation", data.nonce))}`),
    compose: composeInvitation,
  }),
  password_reset: spec({
    data: passwordResetData,
    topic: null,
    action: (data) => appLink(`/reset-password/${linkSecret("password_reset", data.nonce)}`),
    compose: composePasswordReset,
  }),
  sign_up_confirm: spec({
    data: signUpConfirmData,
    topic: null,
    action: (data) => appLink(`/sign-up/confirm/${linkSecret("sign_up", data.nonce)}`),
    compose: composeSignUpConfirm,
  }),
  sign_up_existing: spec({
    data: signUpExistingData,
    topic: null,
    action: () => appLink("/sign-in"),
    extraLinks: () => ({ reset: appLink("/forgot-password") }),
    compose: composeSignUpExisting,
  }),
  check_in_reminder: spec({
    data: reminderData,
    topic: "reminders",
    action: (data) => appLink(`/${data.orgSlug}/check-ins`),
    compose: composeReminder,
  }),
  escalation: spec({
    data: escalationData,
    topic: "escalation",
    action: (data) => appLink(`/${data.orgSlug}/teams`),
    compose: composeEscalation,
  }),
  weekly_digest: spec({
    data: digestData,
    topic: "digest",
    action: (data) => appLink(`/${data.orgSlug}/review`),
    compose: composeDigest,
  }),
  comments: spec({
    data: commentsData,
    topic: "comments",
    action: (data) => appLink(`/${data.orgSlug}/okrs/${data.objectiveId}`),
    compose: composeComments,
  }),
  integration_disabled: spec({
    data: integrationDisabledData,
    topic: null,
    action: (data) => appLink(`/${data.orgSlug}/settings/integrations`),
    compose: composeIntegrationDisabled,
  }),
} satisfies Record<MailKind, unknown>;

/** The data a message of kind K stores, as its template reads it. */
export type MailDataOf<K extends MailKind> = z.output<(typeof mailKindSpecs)[K]["data"]>;
