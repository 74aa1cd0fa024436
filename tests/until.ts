/**
 * Polls `read` until `done` holds, for work that finishes on another task (the job worker, an SMTP
 * or webhook receiver). Bounded: it fails with the last value seen after `timeoutMs`.
 */
export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
