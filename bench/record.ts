import { readFileSync, statSync } from "node:fs";
import type { RecordedStatement } from "./query-recorder";
import type { BenchRequest } from "./pages";

/** What one request of a page executed, split into its transactions (one per withTenant call). */
export interface Capture {
  status: number;
  statements: RecordedStatement[];
  transactions: RecordedStatement[][];
}

/** Every transaction of lib/tenant-scope.ts opens with its set_config statement. */
export const isScopeStatement = (query: string) => /^\s*select set_config\('app\.org_id'/.test(query);

/**
 * The request's statements as transactions for the replay: a new one at each set_config. Requests
 * run several transactions at once (Promise.all), so the log interleaves them and a statement may
 * land after another transaction's set_config. To keep every statement under row-level security
 * as the request ran it, each replayed transaction opens with the request's organisation scope
 * (a person's own memberships, read before an organisation is chosen, are visible there too).
 * The counts of statements and transactions are exact; their grouping is approximate.
 */
export function splitTransactions(statements: readonly RecordedStatement[]): RecordedStatement[][] {
  const orgScope = statements.find((statement) => isScopeStatement(statement.query) && statement.params[0])?.params;
  const groups: RecordedStatement[][] = [];
  for (const statement of statements) {
    const opens = isScopeStatement(statement.query);
    if (opens || groups.length === 0) groups.push([]);
    groups.at(-1)?.push(opens && orgScope ? { query: statement.query, params: orgScope } : statement);
  }
  return groups;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Sends the request once to the recording server and reads the lines it appended meanwhile. The
 * recorder writes synchronously before the response is sent, and requests here never overlap.
 */
export async function capture(origin: string, file: string, request: BenchRequest, headers: Record<string, string>): Promise<Capture> {
  const before = sizeOf(file);
  const init: RequestInit = { method: request.method, headers: { ...headers }, redirect: "manual" };
  if (request.body) {
    init.body = request.body();
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await fetch(`${origin}${request.path}`, init);
  await response.arrayBuffer();
  // Work that a response does not wait for (none known) gets a moment to land in the file too.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const text = readFileSync(file).subarray(before).toString("utf8");
  const statements = text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedStatement);
  return { status: response.status, statements, transactions: splitTransactions(statements) };
}
