import { z } from "zod";
import { webhookEventTypes } from "@/lib/integrations/events";
import { opaque, optionalText, boundedText, plainString, uuid } from "./common";
import { orgParams } from "./members";

/** Form checkboxes arrive as "on" (or are missing); JSON clients send booleans. */
const flag = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).transform((value) => value === true || value === "on" || value === "true");

/** An endpoint's address; whether Retning may reach it is the service's question (lib/outgoing). */
const url = plainString()
  .trim()
  .min(1, { error: "validation.required" })
  .max(2000, { error: "validation.tooLong" })
  .refine((value) => URL.canParse(value), { error: "validation.url" });

const eventList = z
  .array(z.enum(webhookEventTypes, { error: "validation.invalid" }), { error: "validation.invalid" })
  .min(1, { error: "validation.chooseEvent" })
  .max(webhookEventTypes.length, { error: "validation.invalid" })
  .transform((events) => [...new Set(events)]);

const chatOptions = {
  postDigest: flag.default(false),
  /** The team whose check-ins are posted; "" or null for none. */
  checkInTeamId: z.union([uuid, z.literal(""), z.null()]).transform((value) => value || null).default(null),
  postStatusChanges: flag.default(false),
};

export const createIntegrationSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("webhook"), url, description: optionalText(200), events: eventList }),
    z.object({ kind: z.enum(["slack", "teams"]), url, description: optionalText(100).refine((value) => value.length > 0, { error: "validation.required" }), ...chatOptions }),
  ],
  { error: "validation.invalid" },
);

export const updateIntegrationSchema = z
  .object({
    description: boundedText(200),
    events: eventList,
    enabled: z.boolean({ error: "validation.invalid" }),
    postDigest: z.boolean({ error: "validation.invalid" }),
    checkInTeamId: z.union([uuid, z.literal(""), z.null()]).transform((value) => value || null),
    postStatusChanges: z.boolean({ error: "validation.invalid" }),
  })
  .partial();

export const integrationParams = orgParams.extend({ integrationId: uuid });
export const deliveryParams = integrationParams.extend({ deliveryId: uuid });
export const deliveryListQuery = z.object({ after: opaque(300).optional() });

export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;
export type UpdateIntegrationInput = z.infer<typeof updateIntegrationSchema>;
