/**
 * Counts the statements drizzle sends while `fn` runs, through the opt-in hook of db/client.ts.
 * Run one load at a time: concurrent work in the same process would be counted too.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; queries: string[] }> {
  const holder = globalThis as typeof globalThis & { __retningQueryLog?: string[] };
  const queries: string[] = [];
  holder.__retningQueryLog = queries;
  try {
    const result = await fn();
    return { result, count: queries.length, queries };
  } finally {
    holder.__retningQueryLog = undefined;
  }
}
