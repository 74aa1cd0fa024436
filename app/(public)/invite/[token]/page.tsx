import { CircleAlert } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { AuthCard } from "@/components/auth/auth-card";
import { InvitationSignUpForm } from "@/components/auth/invitation-sign-up-form";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { invitationStatusMessage, previewInvitation } from "@/lib/services/invitations";

export async function generateMetadata() {
  return { title: (await getTranslations("invite"))("metaTitle"), robots: { index: false } };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user, t, tErrors, tRoles] = await Promise.all([
    previewInvitation(decodeURIComponent(token)),
    getCurrentUser(),
    getTranslations("invite"),
    getTranslations("errors"),
    getTranslations("roles"),
  ]);

  if (!invitation || invitation.status !== "valid") {
    const message = invitation ? invitationStatusMessage[invitation.status] : "errors.invitationInvalid";
    return (
      <AuthCard title={t("unusableTitle")}>
        <div role="alert" className="flex items-start gap-3 text-sm text-fg">
          <CircleAlert className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
          <p>{tErrors(message.replace("errors.", "") as "invitationInvalid")}</p>
        </div>
      </AuthCard>
    );
  }

  const details = t("details", { inviter: invitation.invitedBy ?? t("someone"), name: invitation.orgName, role: tRoles(invitation.role) });
  const here = `/invite/${encodeURIComponent(token)}`;

  if (user && user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <AuthCard title={t("title", { name: invitation.orgName })} description={details}>
        <div className="flex flex-col gap-4 text-sm">
          <p className="text-fg">{t("otherAccount", { invited: invitation.email, current: user.email })}</p>
          <Link href={`/sign-in?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`} className={buttonClasses("secondary")}>
            {t("useOtherAccount")}
          </Link>
        </div>
      </AuthCard>
    );
  }

  if (user) {
    return (
      <AuthCard title={t("title", { name: invitation.orgName })} description={details}>
        <AcceptInvitation token={decodeURIComponent(token)} orgName={invitation.orgName} />
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={t("title", { name: invitation.orgName })}
      description={details}
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href={`/sign-in?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`} className="font-medium text-accent-text hover:underline">
            {t("signInToAccept")}
          </Link>
        </>
      }
    >
      <InvitationSignUpForm token={decodeURIComponent(token)} email={invitation.email} orgName={invitation.orgName} />
    </AuthCard>
  );
}
