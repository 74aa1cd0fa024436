import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { can } from "@/lib/permissions";
import { requireMember } from "@/lib/tenant";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const t = await getTranslations("settings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { name: ctx.orgName })} />
      <SettingsTabs orgSlug={ctx.orgSlug} showIntegrations={can(ctx, "integrations.manage")} />
      {children}
    </>
  );
}
