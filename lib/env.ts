import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/client-address";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Postgres itself, for migrations, when DATABASE_URL goes through a transaction-mode pooler
   * (DATABASE_POOLER=transaction). Unset: migrations use DATABASE_URL.
   */
  DIRECT_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** "transaction" when DATABASE_URL is a transaction-mode pooler (PgBouncer): no prepared statements. */
  DATABASE_POOLER: z.enum(["transaction"]).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Set in production behind HTTPS: secure, __Host- prefixed cookies and HSTS. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  APP_TIME_ZONE: z.string().default("Europe/Oslo"),
  /**
   * Where people reach the app, e.g. https://okr.example.com. Every link in an email is built from
   * it, never from a request's Host header (a reset link built from Host can point at anyone's site).
   */
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL, e.g. https://okr.example.com" }).optional(),
  /** smtp://user:pass@host:587 or smtps://…:465. Unset: a development mailbox, or (in production) mail waits. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://user:pass@host:587" }).optional(),
  /** The From of every email, e.g. "Retning <okr@example.com>". */
  MAIL_FROM: z.string().min(3).optional(),
  /** "false" stops the job worker from running inside the web server (run `npm run worker` instead). */
  WORKER_IN_APP: z.enum(["true", "false"]).default("true"),
  /**
   * "false" stops the weekly runs (reminders, leads' follow-ups, digests) from starting by the
   * clock; "Send this week's reminders now" still works. For journeys that must not depend on the
   * day they run on.
   */
  SCHEDULED_RUNS: z.enum(["true", "false"]).default("true"),
  /**
   * "true" lets webhooks and chat connections reach private, loopback and link-local addresses,
   * over plain http too (lib/outgoing/safe-fetch.ts). For tests and self-hosted instances whose
   * receivers live on the same network; off by default, so nobody can aim the server at its
   * neighbours or at a cloud metadata service.
   */
  OUTGOING_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
  /** Where the development mailbox keeps its messages. */
  DEV_MAILBOX_DIR: z.string().min(1).default(".data/mailbox"),
  /**
   * The reverse proxies in front of the app (addresses or CIDR ranges, comma-separated). Only a
   * request arriving from one of them has its X-Forwarded-For/-Host/-Proto believed.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      }
    }),
});

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  secureCookies: boolean;
  /** APP_URL without a trailing slash. */
  appUrl: string;
  mailFrom: string;
};

const secretFile = resolve(/*turbopackIgnore: true*/ process.cwd(), ".data/auth-secret");

/**
 * In development a missing AUTH_SECRET is generated once into .data/ (never committed), so
 * `npm run dev` works from a fresh clone. Production refuses to start without one.
 */
function developmentSecret(): string {
  if (existsSync(secretFile)) return readFileSync(secretFile, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(secretFile), { recursive: true });
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}

let parsed: Env | undefined;

/** Validated once, on first use: a wrong setting stops the server with a message that names it. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const values = result.data;
  const isProduction = values.NODE_ENV === "production";
  let secret = values.AUTH_SECRET;
  if (!secret) {
    if (isProduction) throw new Error("Invalid environment:\n  AUTH_SECRET: required in production (openssl rand -base64 32)");
    secret = developmentSecret();
  }
  if (!values.APP_URL && isProduction) {
    throw new Error("Invalid environment:\n  APP_URL: required in production, the address people use to reach Retning (links in email are built from it)");
  }
  const appUrl = (values.APP_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
  const mailFrom = values.MAIL_FROM ?? `Retning <no-reply@${new URL(appUrl).hostname}>`;
  parsed = { ...values, AUTH_SECRET: secret, secureCookies: values.SECURE_COOKIES === "true", appUrl, mailFrom };
  return parsed;
}

/** For tests that change the environment: the next env() validates it again. */
export function resetEnvForTests(): void {
  parsed = undefined;
}

/** Makes sure the development secret exists before the dev server starts (scripts/dev-setup.ts). */
export function ensureDevelopmentSecret(): void {
  if (!process.env.AUTH_SECRET) developmentSecret();
}
