import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** A process this harness started, stopped by its own id (never by name: others share the machine). */
export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `command` in a process group of its own, so stop() also ends whatever it forked. */
export function startProcess(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options, detached: true });
  child.on("error", (error) => console.error(`[${name}]`, error));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    signalGroup(child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Polls `check` every 200 ms until it answers true, `child` exits, or the time is up. */
export async function waitFor(what: string, check: () => Promise<boolean>, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what}: exited with ${child.exitCode} before it was ready.`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not ready within ${timeoutMs / 1000} s.`);
}

/** Whether GET `url` answers 2xx. */
export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return response.ok;
}
