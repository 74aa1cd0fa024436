import { z } from "zod";

/**
 * NUL cannot be stored in a Postgres text column, and a lone UTF-16 surrogate is not Unicode at
 * all (json columns refuse it; UTF-8 turns it into U+FFFD). Both are refused, never rewritten.
 */
export function isPlainText(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

/**
 * The one string type of every free-text field — names, titles, descriptions, notes, comments,
 * reflections, search queries, cursors: a string that {@link isPlainText} accepts, else a field
 * error on that field.
 */
export const plainString = (message = "validation.required") =>
  z.string({ error: message }).refine(isPlainText, { error: "validation.invalidCharacters" });

/** Trimmed text with a length window; the messages are i18n keys (see lib/validation/errors.ts). */
export const text = (min: number, max: number) =>
  plainString()
    .trim()
    .min(min, { error: min <= 1 ? "validation.required" : "validation.tooShort" })
    .max(max, { error: "validation.tooLong" });

/** Trimmed text that may be left empty (it then reads as ""). */
export const optionalText = (max: number) => plainString("validation.invalid").trim().max(max, { error: "validation.tooLong" }).default("");

/** Trimmed text up to `max`, without a default: an update's field, a search box, a cursor. */
export const boundedText = (max: number) => plainString("validation.invalid").trim().max(max, { error: "validation.tooLong" });

/** An opaque value passed back as the client got it (keyset cursors): untrimmed, bounded. */
export const opaque = (max: number) => plainString("validation.invalid").max(max, { error: "validation.tooLong" });

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }))
  // What a client sends is checked by the pipe above; this says so in the OpenAPI document.
  .meta({ format: "email" });

/** 8–128 characters and no composition rules (NIST 800-63B, ASVS 6.2); common ones are refused server-side. */
export const password = z
  .string({ error: "validation.required" })
  .min(8, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.passwordTooLong" });

export const uuid = z.uuid({ error: "validation.invalid" });

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** What an organisation's address in a URL can be: looser than SLUG_PATTERN, never NUL or a quote. */
export const ORG_PARAM_PATTERN = /^[a-z0-9-]{1,60}$/;

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

/** Years a plan can sensibly name: far outside them is a typo (or year 0, which Postgres refuses). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** The one date type: `YYYY-MM-DD`, a real calendar day, between 1900 and 2200. */
export const isoDate = z.iso
  .date({ error: "validation.date" })
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, { error: "validation.dateRange" });

/** Postgres' integer: larger ids and counts do not exist and would fail in SQL. */
const INT4_MAX = 2_147_483_647;

/**
 * An integer, strictly: a JSON number with no fraction, or a string of digits (what an HTML form
 * sends). `[69]`, `"69e0"`, `"0x45"`, `true` and `" 69 "` are refused, unlike z.coerce.number.
 */
export const strictInt = (min: number, max: number = INT4_MAX) =>
  z
    .union([z.number(), z.string().regex(/^-?\d{1,10}$/)], { error: "validation.invalid" })
    .transform((value) => Number(value))
    .pipe(
      z
        .number()
        .int({ error: "validation.invalid" })
        .min(min, { error: "validation.invalid" })
        .max(max, { error: "validation.invalid" }),
    );

/** The version an edit was based on (optimistic concurrency). */
export const version = strictInt(1);
