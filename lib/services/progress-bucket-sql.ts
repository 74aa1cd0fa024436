import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** The dashboard's progress distribution has this many buckets of 10 %. */
export const PROGRESS_BUCKETS = 10;

/**
 * The bucket of a progress value (0–1): 0 for below 10 %, …, 9 for 90 % and above (progress is
 * clamped at 1, so 100 % sits in the last bucket). One definition for the dashboard's histogram
 * and the explorer's progress filter, so a bar's count is the length of the list it opens.
 */
export function progressBucketSql(progress: SQL): SQL<number> {
  return sql<number>`least(floor(${progress} * ${sql.raw(String(PROGRESS_BUCKETS))}), ${sql.raw(String(PROGRESS_BUCKETS - 1))})::int`;
}
