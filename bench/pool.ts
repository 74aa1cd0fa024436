import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { startPoolStack, type PoolStack } from "@/scripts/pool/stack";
import { load, type LoadResult } from "./load";
import { machineFacts } from "./report";
import { startApp, type AppServer } from "./server";
import { signIn } from "./session";

/**
 * `npm run bench -- --pool`: the same requests at c=20 through the deployment shape of
 * docs/scaling.md (nginx round-robin over two `next start`, Postgres behind PgBouncer in
 * transaction mode) and, in the same run, against one instance on a direct connection, and one
 * instance through PgBouncer (what the pooler alone costs). Errors, timeouts and non-2xx counted.
 */

const DATABASE = "retning_e2e_pool_bench";
const DEMO_PASSWORD = "retning-demo";
const OWNER = "ingrid@nordlys.example";
const ORG = "nordlys";
/** Ports reserved for this: the proxy, two instances, PgBouncer (the e2e stack's ports + 4). */
const PORTS = { proxy: 3206, instances: [3207, 3208], pgbouncer: 6433 } as const;
/** PgBouncer's server connections: one instance's own pool size (DB_POOL_MAX 10), shared by both. */
const POOL_SIZE = 10;
const CONNECTIONS = 20;

export interface PoolRun {
  label: string;
  load: LoadResult;
}

export interface PoolBenchOptions {
  seconds: number;
  write: boolean;
}

const direct = (database: string) => `postgres://postgres@127.0.0.1:5432/${database}`;

/** Answers the server's version, for the record. */
async function freshDatabase(): Promise<string> {
  const admin = postgres(direct("postgres"), { max: 1, onnotice: () => {} });
  let version = "unknown";
  try {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
    const [row] = await admin`show server_version`;
    version = String(row?.server_version ?? version);
  } finally {
    await admin.end();
  }
  const { openConnection } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemo } = await import("@/db/seed/demo");
  const connection = await openConnection({ databaseUrl: direct(DATABASE), maxConnections: 1 });
  try {
    await migrateDatabase(connection.db, connection.driver);
    await seedDemo(connection.db);
  } finally {
    await connection.close();
  }
  return version;
}

/** A page (server-rendered, several transactions) and a JSON list, one after the other on every connection. */
async function measure(label: string, origin: string, seconds: number): Promise<PoolRun> {
  const { cookie } = await signIn(origin, OWNER, DEMO_PASSWORD);
  const headers = { cookie, origin, "accept-language": "en" };
  const requests = [`/${ORG}/dashboard`, `/api/orgs/${ORG}/objectives`];
  for (const path of requests) {
    const response = await fetch(`${origin}${path}`, { headers, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${label}: ${path} answered ${response.status}`);
  }
  // Warm-up: each route's code loaded and compiled on every instance before the clock starts.
  for (const path of requests) await load({ origin, request: { method: "GET", path }, headers, connections: 4, amount: 40 });
  console.log(`  ${label}: c=${CONNECTIONS} for ${seconds} s …`);
  const result = await loadMix(origin, requests, headers, seconds);
  return { label, load: result };
}

function loadMix(origin: string, paths: readonly string[], headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  // bench/load.ts takes one request; two alternate here by running both at half the connections.
  return Promise.all(paths.map((path) => load({ origin, request: { method: "GET", path }, headers, connections: CONNECTIONS / paths.length, seconds }))).then((results) => {
    const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    const statusCodes: Record<string, number> = {};
    for (const r of results) for (const [code, count] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
    return {
      connections: CONNECTIONS,
      seconds: Math.max(...results.map((r) => r.seconds)),
      requests: sum((r) => r.requests),
      // Of the two paths' own medians and tails, the slower: a mixed histogram is not kept.
      p50: Math.max(...results.map((r) => r.p50)),
      p99: Math.max(...results.map((r) => r.p99)),
      rps: sum((r) => r.rps),
      errors: sum((r) => r.errors),
      timeouts: sum((r) => r.timeouts),
      non2xx: sum((r) => r.non2xx),
      statusCodes,
    };
  });
}

export async function runPoolBench(options: PoolBenchOptions): Promise<PoolRun[]> {
  console.log(`Two instances behind nginx and PgBouncer (transaction mode, ${POOL_SIZE} server connections) beside one instance; database ${DATABASE}.`);
  const postgresVersion = await freshDatabase();
  const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
  const runs: PoolRun[] = [];
  const env = { WORKER_IN_APP: "false", SCHEDULED_RUNS: "false" };

  let single: AppServer | undefined = await startApp({ databaseUrl: direct(DATABASE) });
  try {
    runs.push(await measure("one instance, direct to Postgres", single.origin, options.seconds));
  } finally {
    await single.stop();
    single = undefined;
  }

  let stack: PoolStack | undefined = await startPoolStack({
    database: DATABASE,
    proxyPort: PORTS.proxy,
    instancePorts: PORTS.instances,
    pgbouncerPort: PORTS.pgbouncer,
    poolSize: POOL_SIZE,
    env: { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-pool-secret-bench-pool-secret-bench", ...env },
    quiet: true,
  });
  try {
    const [first] = stack.instances;
    if (first) runs.push(await measure("one instance through PgBouncer", first.origin, options.seconds));
    runs.push(await measure("two instances through nginx and PgBouncer", stack.proxy.origin, options.seconds));
  } finally {
    await stack.stop();
    stack = undefined;
  }

  console.log(`\n${formatPoolRuns(runs)}\n`);
  if (options.write) {
    const dir = join(process.cwd(), "bench", "results");
    mkdirSync(dir, { recursive: true });
    const date = new Date().toISOString().slice(0, 10);
    const file = join(dir, `${date}-pool.json`);
    const machine = { ...machineFacts(postgresVersion), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))) };
    writeFileSync(file, `${JSON.stringify({ date, machine, connections: CONNECTIONS, poolSize: POOL_SIZE, runs }, null, 2)}\n`);
    console.log(`Wrote ${file}`);
  }
  return runs;
}

export function formatPoolRuns(runs: readonly PoolRun[]): string {
  const lines = ["| Setup | requests | req/s | p50 ms | p99 ms | errors | timeouts | non-2xx |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const { label, load: r } of runs) {
    lines.push(`| ${label} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`);
  }
  return lines.join("\n");
}
