/**
 * The columns of the objectives CSV, by the key of their header in the message catalogues
 * (`export.columns.*`): the export writes them in this order and the import reads them back, so a
 * cycle can start from another's file.
 */
export const exportColumns = [
  "objective",
  "level",
  "team",
  "owner",
  "objectiveProgress",
  "keyResult",
  "keyResultOwner",
  "start",
  "target",
  "current",
  "unit",
  "progress",
  "status",
  "lastCheckIn",
  "confidence",
  "alignedTo",
  "direction",
] as const;
