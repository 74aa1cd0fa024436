import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: malformed percent-encoding and all (fetch would normalise it). */
  path: string;
  /** Raw body text; sent as JSON unless contentType says otherwise. */
  body?: string;
  headers?: Record<string, string>;
}

/**
 * A bare HTTP client for journeys that need what a browser or Playwright's request context will
 * not do: send a path byte for byte, connect from a chosen loopback address (127.0.0.0/8 all
 * reaches this machine), or send thousands of requests quickly over kept-alive connections.
 * Cookies the server sets are kept and sent back (by name; paths are not honoured).
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly url: URL;
  readonly cookies = new Map<string, string>();

  constructor(baseURL: string, options: { localAddress?: string } = {}) {
    this.url = new URL(baseURL);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 8, localAddress: options.localAddress });
  }

  request({ method, path, body, headers = {} }: RawRequest): Promise<RawResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers: {
            ...(body !== undefined ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}),
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            for (const line of res.headers["set-cookie"] ?? []) {
              const [pair = ""] = line.split(";");
              const index = pair.indexOf("=");
              const name = pair.slice(0, index);
              const value = pair.slice(index + 1);
              if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
              else this.cookies.set(name, value);
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  json(method: string, path: string, data?: unknown, headers?: Record<string, string>): Promise<RawResponse> {
    return this.request({ method, path, body: data === undefined ? undefined : JSON.stringify(data), headers });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The parsed JSON body, or null when the answer is not JSON. */
export function jsonOf(response: RawResponse): unknown {
  if (!String(response.headers["content-type"] ?? "").includes("application/json")) return null;
  try {
    return JSON.parse(response.text);
  } catch {
    return null;
  }
}

/** The one error shape of every route (lib/http.ts). */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

/** Whether an answer's JSON is an error in that shape: an `error` object with a string code. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object" || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return !!error && typeof error === "object" && typeof (error as { code?: unknown }).code === "string";
}

/** A loopback address of its own for a test, so its per-address limits start from nothing. */
export function loopbackAddress(): string {
  const byte = () => 2 + Math.floor(Math.random() * 250);
  return `127.${byte()}.${byte()}.${byte()}`;
}
