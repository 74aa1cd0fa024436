import { z } from "zod";
import type { Schema } from "./sample";

/**
 * Whether an answer is what the OpenAPI document says it is: the documented JSON Schema is read
 * back into a validator with zod's own `z.fromJSONSchema` (the library that wrote it, so no second
 * JSON Schema implementation with its own reading of the keywords). Objects are closed
 * (`additionalProperties: false`), so a field the document does not name fails as well.
 */
export function answerProblems(schema: Schema, body: unknown): string[] {
  const parsed = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema).safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(answer)"}: ${issue.message}`);
}
