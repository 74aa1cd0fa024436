import { z } from "zod";

/** Trimmed text with a length window; the messages are i18n keys (see lib/validation/errors.ts). */
export const text = (min: number, max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(min, { error: min <= 1 ? "validation.required" : "validation.tooShort" })
    .max(max, { error: "validation.tooLong" });

export const optionalText = (max: number) => z.string().trim().max(max, { error: "validation.tooLong" }).default("");

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }));

/** 8–128 characters and no composition rules (NIST 800-63B, ASVS 6.2); common ones are refused server-side. */
export const password = z
  .string({ error: "validation.required" })
  .min(8, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.passwordTooLong" });

export const uuid = z.uuid({ error: "validation.invalid" });

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Path segments the app uses itself; an organisation cannot take them. */
export const RESERVED_SLUGS = new Set([
  "api", "account", "sign-in", "sign-up", "sign-out", "invite", "invitations", "new", "organisations", "orgs",
  "settings", "admin", "app", "login", "logout", "register", "static", "public", "help", "about", "docs",
  "favicon.ico", "robots.txt", "_next", "forgot-password", "reset-password", "unsubscribe", "dev",
]);

export const slug = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .regex(SLUG_PATTERN, { error: "validation.slug" })
  .refine((value) => !RESERVED_SLUGS.has(value), { error: "validation.slugReserved" });

const transliterations: Record<string, string> = { æ: "ae", ø: "o", å: "a", ä: "a", ö: "o", ü: "u", ß: "ss" };

/** "Nordlys Sport AS" → "nordlys-sport-as": a URL-safe suggestion from an organisation's name. */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (letter) => transliterations[letter] ?? letter)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const candidate = base || "organisation";
  return RESERVED_SLUGS.has(candidate) ? `${candidate}-team` : candidate;
}

/** An optional id from a form: "" and null both mean "none". */
export const nullableId = uuid.nullable().optional().or(z.literal("").transform(() => null));

/** An exact decimal as text (numbers are accepted and converted): never a float on its way in. */
export const decimal = z
  .union([z.string(), z.number()], { error: "validation.decimal" })
  .transform((value) => String(value).trim().replace(",", "."))
  .pipe(z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/, { error: "validation.decimal" }));

export const isoDate = z.iso.date({ error: "validation.date" });

/** The version an edit was based on (optimistic concurrency). */
export const version = z.coerce.number({ error: "validation.invalid" }).int().positive();
