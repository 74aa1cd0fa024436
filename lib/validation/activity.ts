import { z } from "zod";
import { opaque, strictInt, uuid } from "./common";

/** Which activity a feed shows: one objective, a team (optionally with the teams below it) or everything. */
export type FeedScope = { objectiveId: string } | { teamId: string; includeSubTeams?: boolean } | { organisation: true };

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

export const FEED_PAGE_SIZE = 30;
export const FEED_MAX_PAGE_SIZE = 100;

const page = {
  after: opaque(512).optional(),
  limit: strictInt(1, FEED_MAX_PAGE_SIZE).optional(),
};

/** `GET /api/orgs/[org]/activity?scope=…`: the scope as query parameters, then the page. */
export const activityQuery = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("organisation"), ...page }),
  z.object({ scope: z.literal("team"), teamId: uuid, includeSubTeams: flag.optional(), ...page }),
  z.object({ scope: z.literal("objective"), objectiveId: uuid, ...page }),
]);

export type ActivityQuery = z.infer<typeof activityQuery>;

export function scopeOfQuery(query: ActivityQuery): FeedScope {
  switch (query.scope) {
    case "organisation":
      return { organisation: true };
    case "team":
      return { teamId: query.teamId, includeSubTeams: query.includeSubTeams ?? false };
    case "objective":
      return { objectiveId: query.objectiveId };
  }
}

/** The scope as the query string the activity route reads (the inverse of scopeOfQuery). */
export function feedSearchParams(scope: FeedScope): URLSearchParams {
  if ("objectiveId" in scope) return new URLSearchParams({ scope: "objective", objectiveId: scope.objectiveId });
  if ("teamId" in scope) return new URLSearchParams({ scope: "team", teamId: scope.teamId, includeSubTeams: String(scope.includeSubTeams ?? false) });
  return new URLSearchParams({ scope: "organisation" });
}
