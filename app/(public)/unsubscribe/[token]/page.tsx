import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { UnsubscribeButton } from "@/components/settings/unsubscribe-button";
import { previewUnsubscribe } from "@/lib/services/notification-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title") };
}

/**
 * The footer link of every notification: works signed out. Opening it changes nothing (link
 * scanners open links too); the button does, as the mail client's one-click POST would.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await previewUnsubscribe(token);
  if (!target) notFound();
  const t = await getTranslations("unsubscribe");
  const topic = t(`topic.${target.topic}`);
  return (
    <AuthCard title={t("title")} description={t("description", { topic, org: target.orgName })}>
      <UnsubscribeButton token={token} done={t("done", { topic, org: target.orgName })} label={t("confirm")} />
    </AuthCard>
  );
}
