import { z } from "zod";
import { email, password } from "./common";

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({ password });

/** A reset link's secret: 43 base64url characters (lib/mail/link-secrets.ts). */
export const resetTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
