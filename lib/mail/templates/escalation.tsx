import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { ActionButton } from "./action-button";
import { colors, MailLayout, Muted, Paragraph, Subheading } from "./layout";
import type { Composed, ComposeInput } from "./types";

export const escalationData = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  name: z.string(),
  week: z.iso.date(),
  teams: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        /** Team members who owed check-ins in the reminder's week and made none. */
        missing: z.array(z.object({ name: z.string(), owed: z.number().int() })),
        /** The team's key results with no check-in for more than a week. */
        stale: z.array(z.object({ title: z.string(), ownerName: z.string() })),
      }),
    )
    .min(1),
});

/** A team lead's summary of the reminder's week: who did not check in, and what went stale. */
export function composeEscalation({ t, locale, links }: ComposeInput, data: z.infer<typeof escalationData>): Composed {
  const subject = t("escalation.subject", { org: data.orgName });
  return {
    subject,
    element: (
      <MailLayout
        locale={locale}
        title={subject}
        preview={t("escalation.preview")}
        brand={data.orgName}
        heading={t("escalation.heading")}
        footer={t("escalation.footer", { org: data.orgName })}
        unsubscribe={links.unsubscribe ? { url: links.unsubscribe, label: t("escalation.unsubscribe") } : undefined}
      >
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{t("escalation.intro")}</Paragraph>
        {data.teams.map((team) => (
          <Section key={team.id}>
            <Subheading>{team.name}</Subheading>
            {team.missing.length === 0 ? (
              <Muted>{t("escalation.allCheckedIn")}</Muted>
            ) : (
              <>
                <Text style={{ color: colors.text, fontSize: 14, fontWeight: 600, margin: "0 0 4px" }}>{t("escalation.missingTitle")}</Text>
                {team.missing.map((person, index) => (
                  <Text key={index} style={{ color: colors.text, fontSize: 14, lineHeight: "20px", margin: "0 0 2px" }}>
                    {t("escalation.missing", { name: person.name, count: person.owed })}
                  </Text>
                ))}
              </>
            )}
            {team.stale.length === 0 ? null : (
              <>
                <Text style={{ color: colors.text, fontSize: 14, fontWeight: 600, margin: "10px 0 4px" }}>{t("escalation.staleTitle")}</Text>
                {team.stale.map((kr, index) => (
                  <Text key={index} style={{ color: colors.text, fontSize: 14, lineHeight: "20px", margin: "0 0 2px" }}>
                    {t("escalation.stale", { title: kr.title, owner: kr.ownerName })}
                  </Text>
                ))}
              </>
            )}
          </Section>
        ))}
        <ActionButton href={links.action ?? ""} label={t("escalation.button")} fallback={t("common.fallback")} />
      </MailLayout>
    ),
  };
}
