import { getTranslations } from "next-intl/server";
import { NewTokenForm } from "@/components/api-tokens/new-token-form";
import { toTokenView } from "@/components/api-tokens/to-view";
import { TokenTable } from "@/components/api-tokens/token-table";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/auth/require-user";
import { listMyApiTokens } from "@/lib/services/api-tokens";
import { listMyOrganisations } from "@/lib/services/organisations";
import Link from "next/link";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const { user } = await requireSession("/account");
  const [t, tTokens, tokens, organisations] = await Promise.all([getTranslations("account"), getTranslations("apiTokens"), listMyApiTokens(user.id), listMyOrganisations(user.id)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/account/organisations" className="text-sm font-medium text-accent-text hover:underline">
            {t("yourOrganisations")}
          </Link>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("profile")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProfileForm name={user.name} email={user.email} locale={user.locale} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("password")}</CardTitle>
            <CardDescription>{t("passwordDescription")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("sessions")}</CardTitle>
            <CardDescription>{t("sessionsDescription")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <SignOutEverywhere />
        </CardContent>
      </Card>
      {organisations.length > 0 ? (
        <Card>
          <CardHeader>
            <div>
              <CardTitle>{tTokens("title")}</CardTitle>
              <CardDescription>{tTokens("description")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <NewTokenForm organisations={organisations.map(({ slug, name }) => ({ slug, name }))} />
            <TokenTable
              caption={tTokens("yourTokens")}
              column="organisation"
              emptyDescription={tTokens("emptyMine")}
              tokens={tokens.map((token) => toTokenView(token, `/api/account/tokens/${token.id}`, { orgName: token.orgName }))}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
