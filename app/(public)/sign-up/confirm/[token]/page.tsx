import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmSignUpButton } from "@/components/auth/confirm-sign-up-button";
import { buttonClasses } from "@/components/ui/button";
import { previewSignUp } from "@/lib/services/sign-up-requests";
import { resetTokenParams } from "@/lib/validation/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUpConfirm"))("title") };
}

/**
 * The link from the confirmation email. Opening it creates nothing (mail scanners open links
 * too); the button does.
 */
export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = resetTokenParams.safeParse(await params);
  const t = await getTranslations("signUpConfirm");
  const pending = parsed.success ? await previewSignUp(parsed.data.token) : null;
  if (!parsed.success || !pending) {
    return (
      <AuthCard title={t("invalidTitle")} description={t("invalidDescription")}>
        <div className="flex flex-col gap-2">
          <Link href="/sign-in" className={buttonClasses("primary", "md", "w-full")}>
            {t("signIn")}
          </Link>
          <Link href="/sign-up" className={buttonClasses("secondary", "md", "w-full")}>
            {t("startAgain")}
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("title")} description={t("description", { email: pending.email, org: pending.organisationName })}>
      <ConfirmSignUpButton token={parsed.data.token} label={t("confirm", { org: pending.organisationName })} />
    </AuthCard>
  );
}
