import "server-only";
// The classification lives beside the database client (db/errors.ts), where lib/tenant-scope.ts
// reads it too; services keep importing it from here.
export { isForeignKeyViolation, isUniqueViolation, uniqueConstraint } from "@/db/errors";
