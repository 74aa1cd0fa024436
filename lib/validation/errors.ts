import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Zod issues as field errors in the reader's language. Our schemas carry i18n keys as messages;
 * zod's own messages (wrong type, unknown enum) fall back to generic keys by issue code.
 */
export function toFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join(".") : "_";
    const key = issue.message.startsWith("validation.") ? issue.message : genericKey(issue);
    const values: Record<string, string | number> = {};
    if ("minimum" in issue && issue.minimum !== undefined) values.min = Number(issue.minimum);
    if ("maximum" in issue && issue.maximum !== undefined) values.max = Number(issue.maximum);
    (fields[path] ??= []).push(t(key, values));
  }
  return fields;
}

function genericKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return "validation.tooShort";
    case "too_big":
      return "validation.tooLong";
    case "invalid_format":
      return "validation.invalid";
    case "invalid_type":
      return issue.input === undefined ? "validation.required" : "validation.invalid";
    default:
      return "validation.invalid";
  }
}
