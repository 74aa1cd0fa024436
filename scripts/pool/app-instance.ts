import { join } from "node:path";
import { answers, startProcess, waitFor } from "./processes";

const nextBin = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export interface InstanceOptions {
  port: number;
  /** Everything the instance needs beyond NODE_ENV and its port; the same for every instance but the port. */
  env: NodeJS.ProcessEnv;
  /** Logs of a load run would drown the output. */
  quiet?: boolean;
}

export interface AppInstance {
  origin: string;
  stop(): Promise<void>;
}

/** One `next start` of the current build on 127.0.0.1:port, answering once its database does (/api/health). */
export async function startInstance(options: InstanceOptions): Promise<AppInstance> {
  const origin = `http://127.0.0.1:${options.port}`;
  const started = startProcess(`next:${options.port}`, process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(options.port) },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
  });
  try {
    await waitFor(`next start on ${options.port}`, () => answers(`${origin}/api/health`), started.child, 90_000);
  } catch (error) {
    await started.stop();
    throw error;
  }
  return { origin, stop: started.stop };
}
