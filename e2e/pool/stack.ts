/**
 * Where the two-instance journeys (playwright.pool.config.ts) find the stack that
 * scripts/pool-servers.ts starts: the proxy, each instance directly, and PgBouncer.
 */
const base = Number(process.env.POOL_BASE_PORT ?? "3202");

export const pool = {
  proxyPort: base,
  instancePorts: [base + 1, base + 2] as const,
  pgbouncerPort: Number(process.env.POOL_PGBOUNCER_PORT ?? "6433"),
  database: process.env.POOL_DATABASE ?? "retning_e2e_pool",
  /**
   * Server connections PgBouncer keeps: one, so every transaction of both instances takes turns on
   * it (e2e/pool/tenant-setting.spec.ts relies on that).
   */
  poolSize: 1,
} as const;

export const proxyOrigin = `http://127.0.0.1:${pool.proxyPort}`;
export const instanceOrigins = pool.instancePorts.map((port) => `http://127.0.0.1:${port}`);
