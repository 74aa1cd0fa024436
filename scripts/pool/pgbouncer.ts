import { execFile } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startProcess, waitFor, type Started } from "./processes";

const run = promisify(execFile);

export interface PgBouncerOptions {
  port: number;
  /** The databases it pools, each to the same name on the upstream server. */
  databases: readonly string[];
  /** Server connections per database and user: 1 makes every client share one. */
  poolSize: number;
  upstream?: { host: string; port: number };
  /** Debian's package puts it here. */
  binary?: string;
}

export interface PgBouncer {
  port: number;
  /** postgres://… to `database` through the pooler. */
  url(database: string): string;
  /** A SHOW command on its admin console (showPgBouncer). */
  show(what: AdminView): Promise<Array<Record<string, string>>>;
  stop(): Promise<void>;
}

/**
 * PgBouncer in transaction pooling mode, as Supabase's and Neon's poolers run: a server connection
 * belongs to a client for one transaction only, and nothing resets it in between
 * (server_reset_query is not run in this mode), so whatever session state one client leaves
 * behind, the next one meets. Its ini lives in a temporary folder of its own.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const upstream = options.upstream ?? { host: "127.0.0.1", port: 5432 };
  const dir = mkdtempSync(join(tmpdir(), "retning-pgbouncer-"));
  const databases = options.databases.map((name) => `${name} = host=${upstream.host} port=${upstream.port} dbname=${name}`).join("\n");
  writeFileSync(join(dir, "userlist.txt"), '"postgres" ""\n');
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    `[databases]
${databases}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${options.port}
unix_socket_dir =
pidfile = ${join(dir, "pgbouncer.pid")}
auth_type = trust
auth_file = ${join(dir, "userlist.txt")}
admin_users = postgres
pool_mode = transaction
default_pool_size = ${options.poolSize}
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 400
; Both drivers may send these at startup; PgBouncer would refuse the connection otherwise.
ignore_startup_parameters = extra_float_digits,options
; Clients wait for the one server connection rather than fail, as under a real pooler's queue.
query_wait_timeout = 60
log_connections = 0
log_disconnections = 0
`,
  );
  // PgBouncer refuses to run as root: as root (CI), it switches to the postgres user, which must
  // read its folder.
  const asRoot = userInfo().uid === 0;
  const args = [join(dir, "pgbouncer.ini")];
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o755);
    args.unshift("-u", "postgres");
  }
  const started: Started = startProcess("pgbouncer", options.binary ?? "/usr/sbin/pgbouncer", args);
  await waitFor("pgbouncer", () => listening(options.port), started.child, 15_000);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${options.port}/${database}`;
  return {
    port: options.port,
    url,
    show: (what) => showPgBouncer(options.port, what),
    async stop() {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type AdminView = "POOLS" | "SERVERS" | "STATS";

/** A SHOW command on PgBouncer's admin console, as rows of column → value (through psql: the console speaks only the simple protocol). */
export async function showPgBouncer(port: number, what: AdminView): Promise<Array<Record<string, string>>> {
  const { stdout } = await run("psql", ["-X", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "pgbouncer", "--csv", "-c", `SHOW ${what}`]);
  const [header = "", ...lines] = stdout.trim().split("\n");
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i] ?? String(i), value])));
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
