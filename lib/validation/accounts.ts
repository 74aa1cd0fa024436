import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { email, password, plainString, slug, text } from "./common";

export const signInSchema = z.object({
  email,
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(128),
});

export const signUpSchema = z.object({
  name: text(1, 100),
  email,
  password,
  organisationName: text(2, 100),
  /** Optional: suggested from the name when left empty. */
  organisationSlug: slug.optional().or(z.literal("").transform(() => undefined)),
  /** The founder's browser's time zone (IANA), for the weekly rhythm; checked by the service. */
  timeZone: plainString("validation.invalid").max(100).optional(),
});

export const profileSchema = z.object({
  name: text(1, 100),
  locale: z.enum(locales),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(128),
  newPassword: password,
});

export const preferencesSchema = z.object({
  locale: z.enum(locales).optional(),
  theme: z.enum(["light", "dark", "system"]).optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
