import { z } from "zod";
import { API_TOKEN_LIFETIMES, apiTokenScopes } from "@/lib/domain";
import { ORG_PARAM_PATTERN, text, uuid } from "./common";
import { orgParams } from "./members";

export const newApiTokenSchema = z.object({
  /** The organisation the token acts in, by its address (the person must be a member). */
  org: z.string({ error: "validation.required" }).regex(ORG_PARAM_PATTERN, { error: "validation.invalid" }),
  name: text(1, 80),
  scope: z.enum(apiTokenScopes, { error: "validation.invalid" }),
  /** `null`: never expires. */
  expiresInDays: z.literal(API_TOKEN_LIFETIMES, { error: "validation.invalid" }).nullable(),
});

export const apiTokenParams = z.object({ tokenId: uuid });
export const orgApiTokenParams = orgParams.extend({ tokenId: uuid });

export type NewApiTokenInput = z.infer<typeof newApiTokenSchema>;
