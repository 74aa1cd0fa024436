/** Small helpers shared by the generator's modules. */

/** The element at `index`, or a loud failure: the generator's own lists are never indexed out of range. */
export function itemAt<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`Large seed: index ${index} out of range (${list.length})`);
  return item;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** 1,234,567 */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

export function seconds(sinceMs: number): string {
  return `${((performance.now() - sinceMs) / 1000).toFixed(1)} s`;
}

export type Log = (line: string) => void;

/**
 * Passes items through and prints "check-ins 120,000 / 200,000 (60 %) 14.2 s" at every tenth of
 * `total`, so a long load shows that it moves (small loads stay quiet; the caller prints the end).
 */
export function* counted<T>(items: Iterable<T>, label: string, total: number, log: Log): Generator<T> {
  const started = performance.now();
  const step = total >= 20_000 ? Math.ceil(total / 10) : Infinity;
  let done = 0;
  let next = step;
  for (const item of items) {
    yield item;
    done++;
    if (done >= next && done < total) {
      log(`  ${label} ${formatCount(done)} / ${formatCount(total)} (${Math.round((done / total) * 100)} %) ${seconds(started)}`);
      next += step;
    }
  }
}
