import type { IntegrationView } from "@/lib/services/integrations";

/** An endpoint or channel as the settings page hands it to the browser (dates as ISO strings). */
export type IntegrationItem = Omit<IntegrationView, "disabledAt" | "failingSince" | "createdAt"> & {
  disabledAt: string | null;
  failingSince: string | null;
};

export interface TeamOption {
  id: string;
  name: string;
}

/** next-intl reads dots as nesting: `check_in.created` is `check_in_created` in the catalogues. */
export const eventKey = (type: string) => type.replace(/\./g, "_");
