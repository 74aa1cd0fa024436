/**
 * The domain's vocabulary for components and routes, which do not import the database layer.
 */
export {
  confidences,
  cycleStatuses,
  keyResultDirections,
  keyResultUnits,
  membershipRoles,
  objectiveLevels,
  rollupModes,
  type Confidence,
  type CycleStatus,
  type KeyResultDirection,
  type KeyResultUnit,
  type MembershipRole,
  type ObjectiveLevel,
  type RollupMode,
} from "@/db/schema/enums";
export { activityActions, type ActivityAction } from "@/db/schema/enums";
