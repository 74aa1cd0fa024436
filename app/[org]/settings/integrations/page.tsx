import { getTranslations } from "next-intl/server";
import { ChatForm } from "@/components/settings/integrations/chat-form";
import { IntegrationCard } from "@/components/settings/integrations/integration-card";
import type { IntegrationItem } from "@/components/settings/integrations/types";
import { WebhookForm } from "@/components/settings/integrations/webhook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { listIntegrations, type IntegrationView } from "@/lib/services/integrations";
import { listTeams } from "@/lib/services/teams";
import { requireMember } from "@/lib/tenant";

export async function generateMetadata() {
  return { title: (await getTranslations("integrations"))("title") };
}

const toItem = ({ createdAt: _createdAt, disabledAt, failingSince, ...rest }: IntegrationView): IntegrationItem => ({
  ...rest,
  disabledAt: disabledAt?.toISOString() ?? null,
  failingSince: failingSince?.toISOString() ?? null,
});

export default async function IntegrationsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  const t = await getTranslations("integrations");
  if (!can(ctx, "integrations.manage")) {
    return (
      <Card>
        <CardContent>
          <p className="text-sm text-muted">{t("onlyAdmins")}</p>
        </CardContent>
      </Card>
    );
  }
  const [integrations, teamList] = await Promise.all([listIntegrations(ctx), listTeams(ctx)]);
  const items = integrations.map(toItem);
  const teams = teamList.map((team) => ({ id: team.id, name: team.name }));
  const webhooks = items.filter((item) => item.kind === "webhook");
  const chats = items.filter((item) => item.kind !== "webhook");
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <div className="flex flex-col gap-1">
            <CardTitle>{t("webhooksTitle")}</CardTitle>
            <CardDescription>{t("webhooksDescription", { name: ctx.orgName })}</CardDescription>
          </div>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {webhooks.length === 0 ? (
            <p className="text-sm text-subtle">{t("noWebhooks")}</p>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t("webhookList")}>
              {webhooks.map((item) => (
                <IntegrationCard key={item.id} orgSlug={ctx.orgSlug} item={item} teams={teams} />
              ))}
            </ul>
          )}
          <WebhookForm orgSlug={ctx.orgSlug} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <div className="flex flex-col gap-1">
            <CardTitle>{t("chatTitle")}</CardTitle>
            <CardDescription>{t("chatDescription")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {chats.length === 0 ? (
            <p className="text-sm text-subtle">{t("noChats")}</p>
          ) : (
            <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t("chatList")}>
              {chats.map((item) => (
                <IntegrationCard key={item.id} orgSlug={ctx.orgSlug} item={item} teams={teams} />
              ))}
            </ul>
          )}
          <ChatForm orgSlug={ctx.orgSlug} teams={teams} />
        </CardContent>
      </Card>
    </div>
  );
}
