import { getFormatter, getTranslations } from "next-intl/server";
import { DangerZone } from "@/components/settings/danger-zone";
import { OrganisationForm } from "@/components/settings/organisation-form";
import { can } from "@/lib/permissions";
import { countOwners } from "@/lib/services/members";
import { getOrganisationSettings } from "@/lib/services/organisations";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const [settings, owners, format] = await Promise.all([getOrganisationSettings(ctx), countOwners(ctx), getFormatter()]);
  const monthNames = Array.from({ length: 12 }, (_, month) => format.dateTime(new Date(Date.UTC(2026, month, 15)), { month: "long" }));
  return (
    <>
      <OrganisationForm orgSlug={ctx.orgSlug} settings={settings} monthNames={monthNames} canEdit={can(ctx, "organisation.update")} />
      <DangerZone
        orgSlug={ctx.orgSlug}
        orgName={ctx.orgName}
        canDelete={can(ctx, "organisation.delete")}
        isLastOwner={ctx.role === "owner" && owners <= 1}
      />
    </>
  );
}
