import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resetEnvForTests } from "@/lib/env";
import { until } from "./until";

/**
 * A real HTTP receiver on 127.0.0.1 for webhook and chat tests: it records every request (headers
 * and raw body) and answers with the next status of its script (the last one repeats).
 */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestReceiver {
  url: string;
  received: Received[];
  /** Statuses to answer with, in order; the last repeats. */
  answer(...statuses: number[]): void;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(statuses: number[] = [200], respond?: (res: ServerResponse, status: number) => void): Promise<TestReceiver> {
  const received: Received[] = [];
  let script = [...statuses];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = script.length > 1 ? (script.shift() ?? 200) : (script[0] ?? 200);
      if (respond) return respond(res, status);
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer: (...next) => {
      script = [...next];
    },
    async waitFor(count, timeoutMs = 15_000) {
      await until(() => received.length, (arrived) => arrived >= count, timeoutMs);
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The instance setting that lets requests reach private addresses (it takes effect at once). */
export function setAllowPrivate(value: boolean): void {
  if (value) process.env.OUTGOING_ALLOW_PRIVATE = "true";
  else delete process.env.OUTGOING_ALLOW_PRIVATE;
  resetEnvForTests();
}
