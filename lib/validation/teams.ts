import { z } from "zod";
import { nullableId, optionalText, text, uuid } from "./common";
import { orgParams } from "./members";

export const teamSchema = z.object({
  name: text(1, 80),
  description: optionalText(500),
  parentTeamId: nullableId,
  leadUserId: nullableId,
});

export const teamUpdateSchema = teamSchema.partial();

export const teamDeleteSchema = z.object({
  /** What happens to the team's objectives: moved to another team, or deleted with it. */
  objectives: z.enum(["move", "delete"]).default("move"),
  moveToTeamId: uuid.optional(),
});

export const teamMemberSchema = z.object({ userId: uuid });

export const teamParams = orgParams.extend({ teamId: uuid });
export const teamMemberParams = teamParams.extend({ userId: uuid });
