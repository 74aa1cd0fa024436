import { Column, Row, Section, Text } from "@react-email/components";
import { z } from "zod";
import { confidences } from "@/lib/domain";
import { formatPercent, formatPoints } from "@/lib/format";
import { ActionButton } from "./action-button";
import { colors, MailLayout, Muted, Paragraph, Subheading } from "./layout";
import type { Composed, ComposeInput } from "./types";

const status = z.enum([...confidences, "stale"]);

export const digestData = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  name: z.string(),
  week: z.iso.date(),
  cycleName: z.string(),
  /** Company progress and where the cycle says it should be (0–1). */
  progress: z.number(),
  expected: z.number(),
  /** Objectives whose status turned at risk, off track or stale during the week. */
  worsened: z.array(z.object({ title: z.string(), status })),
  /** Check-in rate per top-level team: key results checked in during the week, of those in play. */
  teams: z.array(z.object({ name: z.string(), checkedIn: z.number().int(), total: z.number().int() })),
  /** The three objectives that moved most during the week. */
  movers: z.array(z.object({ title: z.string(), delta: z.number() })),
});

/** Leadership's weekly digest before the weekly meeting. */
export function composeDigest({ t, locale, links }: ComposeInput, data: z.infer<typeof digestData>): Composed {
  const subject = t("digest.subject", { org: data.orgName });
  const pace = data.progress - data.expected;
  const cell = { color: colors.text, fontSize: 14, lineHeight: "20px", margin: "0 0 4px" } as const;
  return {
    subject,
    element: (
      <MailLayout
        locale={locale}
        title={subject}
        preview={t("digest.preview", { progress: formatPercent(data.progress, locale), cycle: data.cycleName })}
        brand={data.orgName}
        heading={t("digest.heading", { cycle: data.cycleName })}
        footer={t("digest.footer", { org: data.orgName })}
        unsubscribe={links.unsubscribe ? { url: links.unsubscribe, label: t("digest.unsubscribe") } : undefined}
      >
        <Paragraph>{t("common.greeting", { name: data.name })}</Paragraph>
        <Paragraph>
          {t("digest.progress", { progress: formatPercent(data.progress, locale), expected: formatPercent(data.expected, locale) })}{" "}
          {pace >= 0 ? t("digest.ahead", { points: formatPoints(pace, locale, false) }) : t("digest.behind", { points: formatPoints(-pace, locale, false) })}
        </Paragraph>
        <Subheading>{t("digest.worsenedTitle")}</Subheading>
        {data.worsened.length === 0 ? (
          <Muted>{t("digest.noneWorsened")}</Muted>
        ) : (
          data.worsened.map((objective, index) => (
            <Text key={index} style={cell}>
              {t("digest.worsened", { title: objective.title, status: t(`status.${objective.status}`) })}
            </Text>
          ))
        )}
        <Subheading>{t("digest.teamsTitle")}</Subheading>
        {data.teams.length === 0 ? (
          <Muted>{t("digest.noTeams")}</Muted>
        ) : (
          data.teams.map((team, index) => (
            <Row key={index}>
              <Column>
                <Text style={cell}>{team.name}</Text>
              </Column>
              <Column align="right">
                <Text style={cell}>
                  {team.total === 0 ? t("digest.nothingOwed") : t("digest.rate", { rate: formatPercent(team.checkedIn / team.total, locale), checkedIn: team.checkedIn, total: team.total })}
                </Text>
              </Column>
            </Row>
          ))
        )}
        <Subheading>{t("digest.moversTitle")}</Subheading>
        {data.movers.length === 0 ? (
          <Muted>{t("digest.noMovers")}</Muted>
        ) : (
          <Section>
            {data.movers.map((mover, index) => (
              <Text key={index} style={cell}>
                {t("digest.mover", { title: mover.title, points: formatPoints(mover.delta, locale) })}
              </Text>
            ))}
          </Section>
        )}
        <ActionButton href={links.action ?? ""} label={t("digest.button")} fallback={t("common.fallback")} />
      </MailLayout>
    ),
  };
}
