import type { IntegrationKind, Locale } from "@/lib/domain";

/** An endpoint or channel as the settings page hands it to the browser (dates as ISO strings). */
export interface IntegrationItem {
  id: string;
  kind: IntegrationKind;
  url: string;
  description: string;
  events: string[];
  postDigest: boolean;
  checkInTeamId: string | null;
  postStatusChanges: boolean;
  locale: Locale;
  enabled: boolean;
  disabledReason: "paused" | "failing" | null;
  disabledAt: string | null;
  failingSince: string | null;
  consecutiveFailures: number;
  rotating: boolean;
}

export interface TeamOption {
  id: string;
  name: string;
}

/** next-intl reads dots as nesting: `check_in.created` is `check_in_created` in the catalogues. */
export const eventKey = (type: string) => type.replace(/\./g, "_");
