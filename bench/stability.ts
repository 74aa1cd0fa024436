import autocannon from "autocannon";
import type { LoadResult } from "./load";
import type { BenchRequest } from "./pages";
import type { StabilityResult } from "./report";
import { sampleMemory, type AppServer } from "./server";
import { quantile } from "./stats";

export interface MixEntry {
  key: string;
  request: BenchRequest;
  headers: Record<string, string>;
}

/**
 * Ten connections for `seconds`, each cycling through every page (writes included), while the
 * server's resident memory is sampled every second: what a busy morning looks like.
 */
export function runStability(server: AppServer, size: string, mix: readonly MixEntry[], seconds: number): Promise<StabilityResult> {
  const connections = 10;
  const requests = mix.map(({ request, headers }) => ({
    method: request.method,
    path: request.path,
    headers: request.body ? { ...headers, "content-type": "application/json" } : headers,
    ...(request.body ? { setupRequest: (req: object) => ({ ...req, body: request.body?.() }) } : {}),
  }));
  const memory = sampleMemory(server.pid);
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon({ url: server.origin, connections, duration: seconds, timeout: 10, requests }, (error, result) => {
      const samples = memory.stop();
      if (error) return reject(error);
      const load: LoadResult = {
        connections,
        seconds: result.duration,
        requests: result["2xx"],
        p50: quantile(times, 0.5),
        p99: quantile(times, 0.99),
        rps: result.duration > 0 ? result["2xx"] / result.duration : 0,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
      };
      resolve({ size, seconds, connections, pages: mix.map((entry) => entry.key), load, maxRssMb: Math.round(Math.max(0, ...samples)), rssSamples: samples.length });
    });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
}
