import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/request";
import { getCurrentUser } from "@/lib/auth/session";
import { landingPathFor } from "@/lib/services/landing";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const { next, email } = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(safeNextPath(next) ?? (await landingPathFor(user.id)));
  const t = await getTranslations("auth");
  const nextPath = safeNextPath(next) ?? undefined;
  return (
    <AuthCard
      title={t("signInTitle")}
      description={t("signInDescription")}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link href="/sign-up" className="font-medium text-accent-text hover:underline">
            {t("signUpLink")}
          </Link>
        </>
      }
    >
      <SignInForm next={nextPath} email={email} />
    </AuthCard>
  );
}
