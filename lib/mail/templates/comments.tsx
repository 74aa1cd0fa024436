import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { ActionButton } from "./action-button";
import { colors, MailLayout, Paragraph } from "./layout";
import type { Composed, ComposeInput } from "./types";

export const commentsData = z.object({
  orgName: z.string(),
  orgSlug: z.string(),
  name: z.string(),
  objectiveId: z.uuid(),
  objectiveTitle: z.string(),
  comments: z.array(z.object({ author: z.string(), body: z.string() })).min(1),
});

/** New comments on an objective, to its owner: at most one such email per objective per hour. */
export function composeComments({ t, locale, links }: ComposeInput, data: z.infer<typeof commentsData>): Composed {
  const count = data.comments.length;
  const subject = t("comments.subject", { count, title: data.objectiveTitle });
  return {
    subject,
    element: (
      <MailLayout
        locale={locale}
        title={subject}
        preview={t("comments.preview", { count, author: data.comments[0]?.author ?? "" })}
        brand={data.orgName}
        heading={t("comments.heading", { count })}
        footer={t("comments.footer", { org: data.orgName })}
        unsubscribe={links.unsubscribe ? { url: links.unsubscribe, label: t("comments.unsubscribe") } : undefined}
      >
        <Paragraph>{t("comments.intro", { count, title: data.objectiveTitle })}</Paragraph>
        {data.comments.map((comment, index) => (
          <Section key={index} style={{ backgroundColor: colors.surface, borderRadius: 6, margin: "0 0 10px", padding: "8px 12px" }}>
            <Text style={{ color: colors.text, fontSize: 13, fontWeight: 600, margin: 0 }}>{comment.author}</Text>
            <Text style={{ color: colors.text, fontSize: 14, lineHeight: "20px", margin: "4px 0 0", whiteSpace: "pre-wrap" }}>{comment.body}</Text>
          </Section>
        ))}
        <ActionButton href={links.action ?? ""} label={t("comments.button")} fallback={t("common.fallback")} />
      </MailLayout>
    ),
  };
}
