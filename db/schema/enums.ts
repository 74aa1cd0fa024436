import { pgEnum } from "drizzle-orm/pg-core";
import { apiTokenScopes, confidences, cycleStatuses, keyResultDirections, keyResultUnits, locales, membershipRoles, objectiveLevels, rollupModes } from "@/lib/domain";

// The values live in lib/domain.ts, which the rules and the UI read; the database's enums are built from them.
export {
  locales,
  membershipRoles,
  cycleStatuses,
  objectiveLevels,
  rollupModes,
  keyResultUnits,
  keyResultDirections,
  confidences,
  activityActions,
  apiTokenScopes,
  type Locale,
  type MembershipRole,
  type CycleStatus,
  type ObjectiveLevel,
  type RollupMode,
  type KeyResultUnit,
  type KeyResultDirection,
  type Confidence,
  type ActivityAction,
  type ApiTokenScope,
} from "@/lib/domain";

export const localeEnum = pgEnum("locale", locales);
export const membershipRoleEnum = pgEnum("membership_role", membershipRoles);
export const cycleStatusEnum = pgEnum("cycle_status", cycleStatuses);
export const objectiveLevelEnum = pgEnum("objective_level", objectiveLevels);
export const rollupModeEnum = pgEnum("rollup_mode", rollupModes);
export const keyResultUnitEnum = pgEnum("key_result_unit", keyResultUnits);
export const keyResultDirectionEnum = pgEnum("key_result_direction", keyResultDirections);
export const confidenceEnum = pgEnum("confidence", confidences);
export const apiTokenScopeEnum = pgEnum("api_token_scope", apiTokenScopes);
