import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { keyResults, objectives, teams } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ObjectiveScope } from "@/lib/permissions";
import type { TenantContext } from "@/lib/tenant-context";
import { withTenant } from "@/lib/tenant-scope";
import type { CascadeInput } from "@/lib/validation/okrs";
import { emitEvents } from "./integration-events";
import { record } from "./activity";
import { assertMember, validateAlignment } from "./alignment";
import { authorize } from "./guard";
import { leadsOf, objectiveScope } from "./objective-scope";
import { lockObjectiveForWrite } from "./objectives";
import { refreshProgress } from "./progress";
import { now } from "@/lib/clock";
import { z } from "zod";
import { idJson } from "@/lib/api/json-values";

export const cascadeResultJson = z.object({
  created: z.array(z.object({ id: idJson, title: z.string(), teamId: idJson.nullable(), ownerUserId: idJson })),
  /** Targets that already had an objective aligned here (no duplicate is made). */
  skipped: z.number().int(),
});
export type CascadeResult = z.infer<typeof cascadeResultJson>;

/**
 * Cascades an objective one level down in one step: a company objective to teams (owned by their
 * leads), a team objective to its sub-teams or to people. Each new objective is aligned to this
 * one — and to the key result the target contributes to, if chosen — with the title the dialog
 * proposed and the person may have edited, else this objective's own words (never a key result's
 * title: numbers belong to key results, and the coach would say so at once).
 */
export async function cascadeObjective(ctx: TenantContext, objectiveId: string, input: CascadeInput): Promise<CascadeResult> {
  return withTenant(ctx, async (tx) => {
    const source = await lockObjectiveForWrite(tx, ctx, objectiveId);
    // Cascading is part of writing the objective: whoever may edit it may break it down.
    authorize(ctx, "objective.write", await objectiveScope(tx, ctx, source));
    if (source.archivedAt || source.level === "individual") throw new AppError("validation_failed", "errors.validation", { targets: ["validation.cannotCascade"] });

    const sourceKeyResults = await tx
      .select({ id: keyResults.id, title: keyResults.title })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, ctx.orgId), eq(keyResults.objectiveId, source.id)));
    const krTitle = new Map(sourceKeyResults.map((kr) => [kr.id, kr.title]));
    const people = input.targets.flatMap((target) => (target.userId ? [target.userId] : []));
    const leads = await leadsOf(tx, ctx, people);
    const teamIds = input.targets.flatMap((target) => (target.teamId ? [target.teamId] : []));
    const targetTeams = teamIds.length
      ? await tx
          .select({ id: teams.id, leadUserId: teams.leadUserId })
          .from(teams)
          .where(and(eq(teams.orgId, ctx.orgId), inArray(teams.id, teamIds)))
      : [];
    const leadOf = new Map(targetTeams.map((team) => [team.id, team.leadUserId]));
    const existing = await tx
      .select({ teamId: objectives.teamId, ownerUserId: objectives.ownerUserId, level: objectives.level })
      .from(objectives)
      .where(and(eq(objectives.orgId, ctx.orgId), eq(objectives.parentObjectiveId, source.id), isNull(objectives.archivedAt)));

    const result: CascadeResult = { created: [], skipped: 0 };
    for (const [index, target] of input.targets.entries()) {
      const field = `targets.${index}`;
      if (target.keyResultId && !krTitle.has(target.keyResultId)) {
        throw new AppError("validation_failed", "errors.validation", { [field]: ["validation.keyResultOfParent"] });
      }
      let draft: ObjectiveScope & { level: "team" | "individual" };
      if (target.teamId) {
        if (!leadOf.has(target.teamId)) throw new AppError("validation_failed", "errors.validation", { [field]: ["validation.unknownTeam"] });
        draft = { level: "team", teamId: target.teamId, ownerUserId: leadOf.get(target.teamId) ?? ctx.userId, ownerLeadIds: [] };
        // Refused before "already there": a target the actor may not give to answers 403 either way.
        authorize(ctx, "objective.create", draft);
        if (existing.some((row) => row.level === "team" && row.teamId === target.teamId)) {
          result.skipped += 1;
          continue;
        }
      } else if (target.userId) {
        await assertMember(tx, ctx, target.userId, field);
        draft = { level: "individual", teamId: null, ownerUserId: target.userId, ownerLeadIds: leads.get(target.userId) ?? [] };
        authorize(ctx, "objective.create", draft);
        if (existing.some((row) => row.level === "individual" && row.ownerUserId === target.userId)) {
          result.skipped += 1;
          continue;
        }
      } else {
        throw new AppError("validation_failed", "errors.validation", { [field]: ["validation.invalid"] });
      }
      await validateAlignment(tx, ctx, {
        id: null,
        cycleId: source.cycleId,
        level: draft.level,
        teamId: draft.teamId,
        parentObjectiveId: source.id,
        parentKeyResultId: target.keyResultId ?? null,
      });
      const title = target.title ?? source.title;
      const [row] = await tx
        .insert(objectives)
        .values({
          orgId: ctx.orgId,
          cycleId: source.cycleId,
          level: draft.level,
          teamId: draft.teamId,
          ownerUserId: draft.ownerUserId,
          parentObjectiveId: source.id,
          parentKeyResultId: target.keyResultId ?? null,
          title,
          createdAt: now(),
          createdByUserId: ctx.userId,
        })
        .returning({ id: objectives.id });
      if (!row) throw new Error("Inserting a cascaded objective returned nothing.");
      await record(tx, ctx, {
        action: "objective.created",
        entityType: "objective",
        entityId: row.id,
        objectiveId: row.id,
        teamId: draft.teamId,
        after: { title, level: draft.level, parentObjectiveId: source.id, cascadedFrom: source.id },
      });
      result.created.push({ id: row.id, title, teamId: draft.teamId, ownerUserId: draft.ownerUserId });
      await emitEvents(tx, ctx.orgId, [
        { type: "objective.created", data: { objective: { id: row.id, title, level: draft.level, teamId: draft.teamId, ownerUserId: draft.ownerUserId, cycleId: source.cycleId, parentObjectiveId: source.id } } },
      ]);
    }
    if (result.created.length > 0) await refreshProgress(tx, ctx, [source.id]);
    return result;
  });
}
