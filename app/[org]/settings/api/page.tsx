import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { toTokenView } from "@/components/api-tokens/to-view";
import { TokenTable } from "@/components/api-tokens/token-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { listOrganisationApiTokens } from "@/lib/services/api-tokens";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("apiTokens"))("settingsTitle") };
}

/** How programs reach this organisation: the reference, one's own tokens, and for admins every token. */
export default async function ApiSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const admin = can(ctx, "apiToken.manage");
  const [t, tokens] = await Promise.all([getTranslations("apiTokens"), admin ? listOrganisationApiTokens(ctx) : Promise.resolve(null)]);
  const link = (href: string) =>
    function InlineLink(chunks: ReactNode) {
      return (
        <Link href={href} className="font-medium text-accent-text hover:underline">
          {chunks}
        </Link>
      );
    };
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <div className="flex flex-col gap-1">
            <CardTitle>{t("settingsTitle")}</CardTitle>
            <CardDescription>{t("settingsDescription", { name: ctx.orgName })}</CardDescription>
          </div>
        </CardHeader>
        <CardContent className="flex flex-col gap-2 text-sm text-muted">
          <p>{t.rich("settingsMine", { link: link("/account") })}</p>
          <p>{t.rich("reference", { link: link("/docs/api") })}</p>
        </CardContent>
      </Card>
      {tokens ? (
        <Card>
          <CardHeader>
            <div className="flex flex-col gap-1">
              <CardTitle>{t("allTitle")}</CardTitle>
              <CardDescription>{t("allDescription")}</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <TokenTable
              caption={t("allTitle")}
              column="owner"
              emptyDescription={t("emptyAll")}
              tokens={tokens.map((token) => toTokenView(token, `/api/orgs/${ctx.orgSlug}/tokens/${token.id}`, { ownerName: token.ownerName, ownerEmail: token.ownerEmail }))}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
