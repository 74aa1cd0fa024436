import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answers, startProcess, waitFor } from "./processes";

export interface ProxyOptions {
  port: number;
  /** The app instances, taken in turn for each request. */
  upstreams: readonly string[];
  /**
   * The address the proxy connects to the instances from. The instances trust X-Forwarded-For
   * from it alone (TRUSTED_PROXIES), so limits count the real client behind the proxy.
   */
  bindAddress: string;
  binary?: string;
}

export interface RoundRobinProxy {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx as the load balancer: its default upstream balancing is round-robin per request,
 * over kept-alive connections, as a deployment's load balancer would spread one browser's
 * requests over every instance. One process in the foreground (master_process off), so it runs as
 * whoever started it and writes only in its own temporary folder.
 */
export async function startRoundRobinProxy(options: ProxyOptions): Promise<RoundRobinProxy> {
  const dir = mkdtempSync(join(tmpdir(), "retning-nginx-"));
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, sub));
  const servers = options.upstreams.map((upstream) => `    server ${upstream} max_fails=0;`).join("\n");
  writeFileSync(
    join(dir, "nginx.conf"),
    `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, "body")};
  proxy_temp_path ${join(dir, "proxy")};
  fastcgi_temp_path ${join(dir, "fastcgi")};
  uwsgi_temp_path ${join(dir, "uwsgi")};
  scgi_temp_path ${join(dir, "scgi")};
  client_max_body_size 10m;
  upstream retning {
${servers}
    keepalive 64;
    # Under Node's own 5 s (http.Server keepAliveTimeout): otherwise nginx may send a request on a
    # kept connection the instance is closing that moment, and answer 502 (seen once in a c=20 run).
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://retning;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # The site's own origin is checked against Host: the proxy passes the browser's on.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_bind ${options.bindAddress};
      # A request that failed on one instance is not sent again to the other: a POST must not run twice.
      proxy_next_upstream off;
      proxy_buffering off;
      proxy_read_timeout 120s;
      # Which instance answered, so a test can see the requests alternate.
      add_header X-Retning-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const started = startProcess("nginx", options.binary ?? "/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "nginx.conf")]);
  const origin = `http://127.0.0.1:${options.port}`;
  await waitFor("nginx", () => answers(`${origin}/api/ping`), started.child, 15_000);
  return {
    origin,
    async stop() {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
