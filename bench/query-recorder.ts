import { appendFileSync } from "node:fs";
import type { QueryRecorder } from "@/db/client";

/** One line of the recording: a statement as drizzle sent it, with its parameters. */
export interface RecordedStatement {
  query: string;
  params: unknown[];
}

// Dates go out as drizzle's driver would send them; bigints are not JSON.
function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * Appends one JSON line per statement, synchronously: a line is on disk before the response that
 * caused it is sent, so the benchmark can read exactly one request's statements after it returns.
 */
export function installQueryRecorder(file: string): void {
  const recorder: QueryRecorder = (query, params) => {
    appendFileSync(file, `${JSON.stringify({ query, params } satisfies RecordedStatement, replacer)}\n`);
  };
  (globalThis as typeof globalThis & { __retningQueryRecorder?: QueryRecorder }).__retningQueryRecorder = recorder;
}
