import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { formatMeasure } from "@/lib/format";
import { ActionButton } from "./action-button";
import { colors, MailLayout, Paragraph } from "./layout";
import { measureSnapshot } from "./measure-values";
import type { Composed, ComposeInput } from "./types";

export const reminderData = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  name: z.string(),
  /** The local week (its Monday) this reminder is for. */
  week: z.iso.date(),
  keyResults: z.array(measureSnapshot.extend({ title: z.string(), objectiveTitle: z.string() })).min(1),
});

/** The check-ins a person still owes this week, each with its last value and where it should be today. */
export function composeReminder({ t, locale, links }: ComposeInput, data: z.infer<typeof reminderData>): Composed {
  const count = data.keyResults.length;
  const valueText = (value: string, kr: z.infer<typeof measureSnapshot>) =>
    kr.direction === "milestone" ? t(Number(value) >= 1 ? "reminder.done" : "reminder.notDone") : formatMeasure(value, kr, locale);
  const subject = t("reminder.subject", { count, org: data.orgName });
  const intro = t("reminder.intro", { count, org: data.orgName });
  return {
    subject,
    element: (
      <MailLayout
        locale={locale}
        title={subject}
        preview={intro}
        brand={data.orgName}
        heading={t("reminder.heading")}
        footer={t("reminder.footer", { org: data.orgName })}
        unsubscribe={links.unsubscribe ? { url: links.unsubscribe, label: t("reminder.unsubscribe") } : undefined}
      >
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>{intro}</Paragraph>
        {data.keyResults.map((kr, index) => (
          <Section key={index} style={{ borderLeft: `3px solid ${colors.accent}`, margin: "0 0 12px", padding: "2px 0 2px 12px" }}>
            <Text style={{ color: colors.text, fontSize: 15, fontWeight: 600, lineHeight: "21px", margin: 0 }}>{kr.title}</Text>
            <Text style={{ color: colors.muted, fontSize: 13, lineHeight: "19px", margin: "2px 0 0" }}>{kr.objectiveTitle}</Text>
            <Text style={{ color: colors.text, fontSize: 13, lineHeight: "19px", margin: "4px 0 0" }}>
              {t("reminder.last", { value: kr.last === null ? t("reminder.noCheckIn") : valueText(kr.last, kr) })}
              {kr.expected === null ? null : ` · ${t("reminder.expected", { value: valueText(kr.expected, kr) })}`}
            </Text>
          </Section>
        ))}
        <ActionButton href={links.action ?? ""} label={t("reminder.button")} fallback={t("common.fallback")} />
      </MailLayout>
    ),
  };
}
