import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const nextBin = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** `next build` of this checkout (the production bundle that `next start` serves). */
export async function buildApp(): Promise<void> {
  await run(process.execPath, [nextBin, "build"], { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
}

export function hasBuild(): boolean {
  return existsSync(join(process.cwd(), ".next", "BUILD_ID"));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("No free port"))));
    });
  });
}

export interface AppServer {
  origin: string;
  /** The process that serves requests (next-server), for its memory. */
  pid: number;
  stop(): Promise<void>;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/** next start may serve from a forked child; its title is "next-server". */
function servingProcess(root: number): number {
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (commandOf(pid).startsWith("next-server")) return pid;
    queue.push(...childrenOf(pid));
  }
  return root;
}

/** Resident memory of a process in MB (VmRSS of /proc/<pid>/status), null once it is gone. */
export function residentMemoryMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function waitUntilUp(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before answering.`);
    try {
      const response = await fetch(`${origin}/api/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer ${origin}/api/ping within ${timeoutMs / 1000} s.`);
}

export interface StartOptions {
  databaseUrl: string;
  /** Append every SQL statement to this file (instrumentation.ts). */
  recordTo?: string;
  quiet?: boolean;
}

/** `next start` on a free port of 127.0.0.1, in production mode, against the benchmark database. */
export async function startApp(options: StartOptions): Promise<AppServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
    APP_URL: origin,
    // Pages are measured alone: the job worker (mail, reminders) is not part of a page's cost.
    WORKER_IN_APP: "false",
    PORT: String(port),
    // The heap `npm start` and the Dockerfile give the server.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-old-space-size=256"].filter(Boolean).join(" "),
  };
  delete env.RETNING_QUERY_RECORD;
  delete env.PGLITE_DIR;
  if (options.recordTo) env.RETNING_QUERY_RECORD = options.recordTo;
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    detached: true,
    stdio: ["ignore", options.quiet === false ? "inherit" : "ignore", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // The process group this benchmark started: next start and any worker it forked.
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(-child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid: servingProcess(child.pid as number), stop };
}

/** Samples a process's resident memory every second until stopped; answers the samples in MB. */
export function sampleMemory(pid: number): { stop(): number[] } {
  const samples: number[] = [];
  const take = () => {
    const mb = residentMemoryMb(pid);
    if (mb !== null) samples.push(mb);
  };
  take();
  const timer = setInterval(take, 1_000);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** Whether every source file is older than the last build (for a hint, not a guarantee). */
export function buildLooksFresh(): boolean {
  const buildId = join(process.cwd(), ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "bench") return false;
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newer(path) : /\.(tsx?|css|json|mjs)$/.test(entry.name) && statSync(path).mtimeMs > built;
    });
  return !["app", "components", "lib", "db"].some((dir) => existsSync(join(process.cwd(), dir)) && newer(join(process.cwd(), dir)));
}
