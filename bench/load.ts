import autocannon from "autocannon";
import type { BenchRequest } from "./pages";
import { quantile } from "./stats";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Milliseconds, from autocannon's per-response times (its own histogram rounds to whole ms). */
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  origin: string;
  request: BenchRequest;
  headers: Record<string, string>;
  connections: number;
  seconds?: number;
  /** A fixed number of requests instead of a duration (warm-up). */
  amount?: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
}

/** autocannon against one request, collecting every 2xx response time. */
export function load(options: LoadOptions): Promise<LoadResult> {
  const { request } = options;
  const headers: Record<string, string> = { ...options.headers };
  if (request.body) headers["content-type"] = "application/json";
  const requests = request.body
    ? [{ method: request.method, path: request.path, headers, setupRequest: (req: object) => ({ ...req, body: request.body?.() }) }]
    : undefined;
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url: `${options.origin}${request.path}`,
        method: request.method,
        headers,
        connections: options.connections,
        timeout: options.timeout ?? 10,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        ...(requests ? { requests } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const ok = result["2xx"];
        resolve({
          connections: options.connections,
          seconds: result.duration,
          requests: ok,
          p50: quantile(times, 0.5),
          p99: quantile(times, 0.99),
          rps: result.duration > 0 ? ok / result.duration : 0,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
        });
      },
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
}
