import { z } from "zod";
import { plainString } from "./common";

/**
 * `POST /api/orgs/{org}/cycles/{cycleId}/import`: the CSV file's text in JSON (`{ "csv": "…" }`),
 * so the request goes through route() and its errors like every other write. Its size is the
 * service's to judge (413 past IMPORT_MAX_BYTES), not a field error.
 */
export const importBody = z.object({
  csv: plainString().refine((value) => value.trim() !== "", { error: "validation.required" }),
});

/** `?dryRun=true` judges the file and answers what would be created, writing nothing. */
export const importQuery = z.object({
  dryRun: z
    .enum(["true", "false", "1", "0"], { error: "validation.invalid" })
    .optional()
    .transform((value) => value === "true" || value === "1"),
});

export type ImportBody = z.input<typeof importBody>;
