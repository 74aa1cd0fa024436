import { Building2 } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NewOrganisationForm } from "@/components/account/new-organisation-form";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSession } from "@/lib/auth/require-user";
import { listMyOrganisations } from "@/lib/services/organisations";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("organisationsTitle") };
}

export default async function OrganisationsPage() {
  const { user } = await requireSession("/account/organisations");
  const [organisations, t, tRoles] = await Promise.all([listMyOrganisations(user.id), getTranslations("account"), getTranslations("roles")]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("organisationsTitle")} description={t("organisationsDescription")} />
      {organisations.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {organisations.map((org) => (
            <li key={org.id}>
              <Link href={`/${org.slug}`} className="flex items-center gap-3 rounded-lg border border-border bg-surface p-4 shadow-card hover:border-border-strong">
                <span className="flex size-9 items-center justify-center rounded-md bg-accent text-sm font-semibold text-accent-fg" aria-hidden>
                  {org.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate font-medium text-fg">{org.name}</span>
                  <span className="truncate text-xs text-subtle">/{org.slug}</span>
                </span>
                <Badge tone={org.role === "member" ? "neutral" : "accent"}>{tRoles(org.role)}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState icon={Building2} title={t("noOrganisations")} description={t("noOrganisationsDescription")} />
      )}
      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("createAnother")}</CardTitle>
            <CardDescription>{t("createAnotherDescription")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <NewOrganisationForm />
        </CardContent>
      </Card>
    </div>
  );
}
