import { route } from "@/lib/http";
import { importCsv, previewImport } from "@/lib/services/import";
import { cycleParams } from "@/lib/validation/cycles";
import { importBody, importQuery } from "@/lib/validation/import";

/**
 * Objectives and key results from a CSV file into this cycle (docs/api.md): `?dryRun=true` answers
 * the report (what would be created, every problem by row and column); without it, all of the
 * file is written or, with any problem, nothing (422 with the same report).
 */
export const POST = route({ access: "member", params: cycleParams, query: importQuery, body: importBody }, async ({ ctx, params, query, body, t }) =>
  query.dryRun ? previewImport(ctx, params.cycleId, body.csv, t) : importCsv(ctx, params.cycleId, body.csv, t),
);
