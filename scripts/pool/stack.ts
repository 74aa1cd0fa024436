import { startInstance, type AppInstance } from "./app-instance";
import { startPgBouncer, type PgBouncer } from "./pgbouncer";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";

/** The address nginx connects to the instances from; the instances trust its X-Forwarded-For only. */
export const PROXY_BIND_ADDRESS = "127.0.0.2";

export interface PoolStackOptions {
  /** A database on the local Postgres, migrated already (migrations go direct, never through the pooler). */
  database: string;
  proxyPort: number;
  instancePorts: readonly number[];
  pgbouncerPort: number;
  /** PgBouncer's server connections: 1 makes every transaction of both instances share one. */
  poolSize: number;
  /** What every instance shares: AUTH_SECRET above all, SMTP_URL, switches. */
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
}

export interface PoolStack {
  proxy: RoundRobinProxy;
  instances: AppInstance[];
  pgbouncer: PgBouncer;
  /** postgres://… to the database itself, as migrations reach it. */
  directUrl: string;
  stop(): Promise<void>;
}

/**
 * Two (or more) `next start` of one build behind a round-robin proxy, with Postgres behind
 * PgBouncer in transaction mode: a deployment's shape on one machine. The instances share
 * AUTH_SECRET and both run the job worker.
 */
export async function startPoolStack(options: PoolStackOptions): Promise<PoolStack> {
  const directUrl = `postgres://postgres@127.0.0.1:5432/${options.database}`;
  const started: Array<{ stop(): Promise<void> }> = [];
  const stop = async () => {
    for (const part of started.reverse()) await part.stop();
  };
  try {
    const pgbouncer = await startPgBouncer({ port: options.pgbouncerPort, databases: [options.database], poolSize: options.poolSize });
    started.push(pgbouncer);
    const proxyOrigin = `http://127.0.0.1:${options.proxyPort}`;
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      DATABASE_URL: pgbouncer.url(options.database),
      DATABASE_POOLER: "transaction",
      DIRECT_DATABASE_URL: directUrl,
      APP_URL: proxyOrigin,
      TRUSTED_PROXIES: PROXY_BIND_ADDRESS,
    };
    delete env.PGLITE_DIR;
    const instances: AppInstance[] = [];
    // One after the other: each starts the job queue (pg-boss checks its schema) before serving.
    for (const port of options.instancePorts) {
      const instance = await startInstance({ port, env, quiet: options.quiet });
      started.push(instance);
      instances.push(instance);
    }
    const proxy = await startRoundRobinProxy({
      port: options.proxyPort,
      upstreams: options.instancePorts.map((port) => `127.0.0.1:${port}`),
      bindAddress: PROXY_BIND_ADDRESS,
    });
    started.push(proxy);
    return { proxy, instances, pgbouncer, directUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
