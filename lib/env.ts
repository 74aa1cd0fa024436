import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/client-address";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Set in production behind HTTPS: secure, __Host- prefixed cookies and HSTS. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  APP_TIME_ZONE: z.string().default("Europe/Oslo"),
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

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; secureCookies: boolean };

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
  parsed = { ...values, AUTH_SECRET: secret, secureCookies: values.SECURE_COOKIES === "true" };
  return parsed;
}

/** Makes sure the development secret exists before the dev server starts (scripts/dev-setup.ts). */
export function ensureDevelopmentSecret(): void {
  if (!process.env.AUTH_SECRET) developmentSecret();
}
