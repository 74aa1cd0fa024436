import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { exportCycleCsv, type ExportFile } from "@/lib/services/export";
import { exportQuarterStatsCsv } from "@/lib/services/quarter-stats-export";
import { exportQuery } from "@/lib/validation/export";
import { orgParams } from "@/lib/validation/members";

/**
 * A CSV download (UTF-8 with a byte order mark, so Excel reads ø and å): the cycle's OKRs, or with
 * `kind=quarters` the last closed cycles' statistics of the organisation, a team or a person.
 */
export const GET = route({ access: "member", params: orgParams, query: exportQuery }, async ({ ctx, query, t }) => {
  let file: ExportFile;
  if (query.kind === "quarters") {
    const scope = query.team ? { kind: "team" as const, teamId: query.team } : query.person ? { kind: "person" as const, userId: query.person } : { kind: "organisation" as const };
    file = await exportQuarterStatsCsv(ctx, scope, t);
  } else {
    const cycleId = query.cycle ?? pickCycle(await listCycles(ctx), null)?.id;
    if (!cycleId) throw new AppError("not_found", "errors.not_found");
    file = await exportCycleCsv(ctx, cycleId, t);
  }
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
