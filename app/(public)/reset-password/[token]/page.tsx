import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClasses } from "@/components/ui/button";
import { resetLinkIsValid } from "@/lib/services/password-reset";
import { resetTokenParams } from "@/lib/validation/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("passwordReset"))("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = resetTokenParams.safeParse(await params);
  const t = await getTranslations("passwordReset");
  const valid = parsed.success && (await resetLinkIsValid(parsed.data.token));
  if (!parsed.success || !valid) {
    return (
      <AuthCard title={t("invalidTitle")} description={t("invalidDescription")}>
        <Link href="/forgot-password" className={buttonClasses("primary", "md", "w-full")}>
          {t("requestNew")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("resetTitle")} description={t("resetDescription")}>
      <ResetPasswordForm token={parsed.data.token} />
    </AuthCard>
  );
}
