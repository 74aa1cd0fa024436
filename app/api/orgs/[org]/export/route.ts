import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { listCycles, pickCycle } from "@/lib/services/cycles";
import { exportCycleCsv } from "@/lib/services/export";
import { exportQuery } from "@/lib/validation/export";
import { orgParams } from "@/lib/validation/members";

/** The cycle's OKRs as a CSV download (UTF-8 with a byte order mark, so Excel reads ø and å). */
export const GET = route({ access: "member", params: orgParams, query: exportQuery }, async ({ ctx, query, t }) => {
  const cycleId = query.cycle ?? pickCycle(await listCycles(ctx), null)?.id;
  if (!cycleId) throw new AppError("not_found", "errors.not_found");
  const file = await exportCycleCsv(ctx, cycleId, t);
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
