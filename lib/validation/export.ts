import { z } from "zod";
import { uuid } from "./common";

/**
 * `?cycle=` names the cycle to export; without it, the cycle pages show by default.
 * `?kind=quarters` exports the quarter statistics instead (the last closed cycles' figures): of
 * the organisation, or of one team (`team=`) or person (`person=`).
 */
export const exportQuery = z
  .object({
    kind: z.enum(["okrs", "quarters"]).default("okrs"),
    cycle: uuid.optional(),
    team: uuid.optional(),
    person: uuid.optional(),
  })
  .refine((query) => query.kind === "quarters" || (query.team === undefined && query.person === undefined), { error: "validation.invalid", path: ["kind"] })
  .refine((query) => query.team === undefined || query.person === undefined, { error: "validation.invalid", path: ["person"] });
