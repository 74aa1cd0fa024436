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

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string; reset?: string }> }) {
  const { next, email, reset } = await searchParams;
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
      {reset === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm text-success">
          {t("passwordWasReset")}
        </p>
      ) : null}
      <SignInForm next={nextPath} email={email} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-accent-text hover:underline">
          {t("forgotPassword")}
        </Link>
      </p>
    </AuthCard>
  );
}
