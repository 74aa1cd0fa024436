import postgres from "postgres";
import type { RecordedStatement } from "./query-recorder";
import { quantile } from "./stats";

export interface SqlFloor {
  repetitions: number;
  /** Milliseconds for all of one request's transactions, run one after another. */
  p50: number;
  p99: number;
  /** The slowest statements by median, for EXPLAIN ANALYZE. */
  slowest: Array<{ p50: number; query: string; params: unknown[] }>;
  error?: string;
}

export interface FloorOptions {
  repetitions: number;
  /** Stop early once this much time went by (slow pages), after at least 20 repetitions. */
  budgetMs?: number;
}

/**
 * The database's share of a page: the statements one request executed, replayed in order on a
 * connection of their own, each transaction opened and committed like lib/tenant-scope.ts does
 * (its first statement is the same set_config). What is left of the page's time is Next and React.
 */
export async function measureSqlFloor(url: string, transactions: RecordedStatement[][], options: FloorOptions): Promise<SqlFloor> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "retning-bench-floor" } });
  const statementTimes = transactions.map((statements) => statements.map(() => [] as number[]));
  const totals: number[] = [];
  const once = async (keep: boolean) => {
    const started = performance.now();
    for (const [t, statements] of transactions.entries()) {
      await sql.begin(async (tx) => {
        for (const [s, statement] of statements.entries()) {
          const t0 = performance.now();
          await tx.unsafe(statement.query, statement.params as postgres.ParameterOrJSON<never>[], { prepare: false });
          if (keep) statementTimes[t]?.[s]?.push(performance.now() - t0);
        }
      });
    }
    if (keep) totals.push(performance.now() - started);
  };
  try {
    for (let i = 0; i < 5; i++) await once(false);
    const budget = options.budgetMs ?? 8_000;
    const started = performance.now();
    for (let i = 0; i < options.repetitions; i++) {
      await once(true);
      if (i >= 20 && performance.now() - started > budget) break;
    }
    const slowest = transactions
      .flatMap((statements, t) => statements.map((statement, s) => ({ p50: quantile(statementTimes[t]?.[s] ?? [], 0.5), ...statement })))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 3);
    return { repetitions: totals.length, p50: quantile(totals, 0.5), p99: quantile(totals, 0.99), slowest };
  } catch (error) {
    return { repetitions: totals.length, p50: Number.NaN, p99: Number.NaN, slowest: [], error: error instanceof Error ? error.message : String(error) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
