import { Button, Section, Text } from "@react-email/components";
import { colors } from "./layout";

/** The one thing the email asks the person to do, and the same address written out for clients that hide buttons. */
export function ActionButton({ href, label, fallback }: { href: string; label: string; fallback: string }) {
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button href={href} style={{ backgroundColor: colors.accent, borderRadius: 6, color: "#ffffff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        {label}
      </Button>
      <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: "12px 0 0", wordBreak: "break-all" }}>
        {fallback} {href}
      </Text>
    </Section>
  );
}
