import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/domain";

/**
 * Every email's frame: the organisation's name above, one heading, the content, and a footer that
 * says why the person gets it and, for notifications, how to stop (the same link as the
 * List-Unsubscribe header). Colours pass WCAG AA on white; layout tables are presentational.
 */
export interface LayoutProps {
  locale: Locale;
  title: string;
  preview: string;
  /** Shown above the heading: whose email this is. */
  brand: string;
  heading: string;
  children: ReactNode;
  footer: string;
  unsubscribe?: { url: string; label: string };
}

export const colors = { text: "#1f2937", muted: "#4b5563", accent: "#1d4ed8", border: "#e5e7eb", surface: "#f9fafb" } as const;

export function MailLayout({ locale, title, preview, brand, heading, children, footer, unsubscribe }: LayoutProps) {
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.surface, color: colors.text, fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: 8, maxWidth: 560, padding: "24px 32px" }}>
          <Text style={{ color: colors.muted, fontSize: 13, fontWeight: 600, letterSpacing: 0.2, margin: "0 0 8px" }}>{brand}</Text>
          <Heading as="h1" style={{ color: colors.text, fontSize: 22, lineHeight: "28px", margin: "0 0 16px" }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Section>
            <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: 0 }}>{footer}</Text>
            {unsubscribe ? (
              <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: "8px 0 0" }}>
                <Link href={unsubscribe.url} style={{ color: colors.accent, textDecoration: "underline" }}>
                  {unsubscribe.label}
                </Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.text, fontSize: 15, lineHeight: "22px", margin: "0 0 12px" }}>{children}</Text>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.muted, fontSize: 13, lineHeight: "20px", margin: "0 0 12px" }}>{children}</Text>;
}

export function Subheading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={{ color: colors.text, fontSize: 16, lineHeight: "22px", margin: "20px 0 8px" }}>
      {children}
    </Heading>
  );
}
