import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { LargeSize } from "@/db/seed/large/sizes";
import { parseBenchArguments, usage, type BenchOptions } from "./args";
import { benchDatabaseUrl, ensureDatabase, loadFixtures, prepareDatabase, type Fixtures } from "./database";
import { measureSqlFloor } from "./floor";
import { load, type LoadResult } from "./load";
import { pingPage, selectPages, type BenchRequest, type PageSpec } from "./pages";
import { capture, type Capture } from "./record";
import { formatGrowth, formatMarkdown, formatTable, machineFacts, ratioOf, type PageResult, type SizeReport } from "./report";
import { buildApp, buildLooksFresh, hasBuild, sampleMemory, startApp, type AppServer } from "./server";
import { signIn } from "./session";
import { runStability } from "./stability";

/**
 * `npm run bench -- --size L`: every page of a generated large organisation under autocannon at
 * c=1 and c=10, beside its floor (the same SQL replayed directly, plus Next answering a constant),
 * with the statements it executes. See bench/README.md for how to read the output.
 */

type Sessions = Record<PageSpec["as"], Record<string, string>>;

async function signInAll(server: AppServer, fixtures: Fixtures): Promise<Sessions> {
  const owner = await signIn(server.origin, fixtures.logins.owner);
  const member = await signIn(server.origin, fixtures.logins.member);
  const headers = (cookie: string) => ({ cookie, origin: server.origin, "accept-language": "en" });
  return { owner: headers(owner.cookie), member: headers(member.cookie), anonymous: { origin: server.origin, "accept-language": "en" } };
}

interface Planned {
  spec: PageSpec;
  request: BenchRequest;
  capture?: Capture;
  result: PageResult;
}

function plan(spec: PageSpec, fixtures: Fixtures): Planned {
  const request = spec.request(fixtures);
  return {
    spec,
    request,
    result: { key: spec.key, label: spec.label, path: request.path, method: request.method, as: spec.as, growth: spec.growth, status: "measured" },
  };
}

/** Phase 1: one request of each page on a server that records its SQL. */
async function recordPages(url: string, bySize: Map<LargeSize, { fixtures: Fixtures; planned: Planned[] }>): Promise<void> {
  const file = join(tmpdir(), `retning-bench-${process.pid}.sql.jsonl`);
  writeFileSync(file, "");
  const server = await startApp({ databaseUrl: url, recordTo: file });
  try {
    for (const [size, { fixtures, planned }] of bySize) {
      const sessions = await signInAll(server, fixtures);
      for (const item of planned) {
        const headers = sessions[item.spec.as];
        // The first request warms the route's code; the second is the one recorded.
        const warm = await capture(server.origin, file, item.request, headers);
        if (warm.status === 404) {
          item.result.status = "not available";
          item.result.httpStatus = 404;
          continue;
        }
        const recorded = await capture(server.origin, file, item.request, headers);
        if (recorded.status < 200 || recorded.status >= 300) {
          item.result.status = "error";
          item.result.httpStatus = recorded.status;
          continue;
        }
        item.capture = recorded;
        item.result.statements = recorded.statements.length;
        item.result.transactions = recorded.transactions.length;
        item.result.queries = recorded.statements.map((statement) => statement.query);
        console.log(`  ${size} ${item.spec.key.padEnd(18)} ${String(recorded.statements.length).padStart(3)} statements in ${recorded.transactions.length} transactions`);
      }
    }
  } finally {
    await server.stop();
    rmSync(file, { force: true });
  }
}

async function warmAndLoad(server: AppServer, request: BenchRequest, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadResult> {
  await load({ origin: server.origin, request, headers, connections, amount: Math.max(20, connections * 5) });
  return load({ origin: server.origin, request, headers, connections, seconds });
}

async function postgresVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
    return row?.version ?? "unknown";
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

async function main(options: BenchOptions) {
  if (options.pool) return poolOnly(options);
  const url = benchDatabaseUrl();
  console.log(`Database: ${url.replace(/\/\/[^@]*@/, "//")}`);
  await ensureDatabase(url);
  await prepareDatabase(url, options.sizes, options.reseed);

  if (options.build) {
    console.log("Building the production app (next build) …");
    await buildApp();
  } else if (!hasBuild()) {
    throw new Error("--no-build, but there is no .next build here: run without it once.");
  } else if (!buildLooksFresh()) {
    console.warn("Warning: sources changed since the last build; the numbers are of the older build.");
  }

  if (options.stabilityOnly) return stabilityOnly(url, options);
  const specs = selectPages(options.pages);
  const bySize = new Map<LargeSize, { fixtures: Fixtures; planned: Planned[] }>();
  for (const size of options.sizes) {
    const fixtures = await loadFixtures(url, size);
    bySize.set(size, { fixtures, planned: specs.map((spec) => plan(spec, fixtures)) });
  }

  console.log("Recording the SQL of one request per page …");
  await recordPages(url, bySize);

  console.log("Replaying it directly on Postgres (the floor) …");
  for (const { planned } of bySize.values()) {
    for (const item of planned) {
      if (!item.capture) continue;
      item.result.floor = await measureSqlFloor(url, item.capture.transactions, { repetitions: options.floorRepetitions });
    }
  }

  const machine = machineFacts(await postgresVersion(url));
  const date = today();
  const reports: SizeReport[] = [];
  const server = await startApp({ databaseUrl: url });
  const memory = sampleMemory(server.pid);
  try {
    console.log(`Measuring on ${server.origin} (next-server pid ${server.pid}), ${options.duration} s per page and concurrency …`);
    const pingHeaders = { origin: server.origin };
    const ping = {
      c1: await warmAndLoad(server, pingPage.request({} as Fixtures), pingHeaders, 1, options.duration),
      c10: await warmAndLoad(server, pingPage.request({} as Fixtures), pingHeaders, 10, options.duration),
    };
    for (const [size, { fixtures, planned }] of bySize) {
      const sessions = await signInAll(server, fixtures);
      for (const item of planned) {
        if (item.result.status !== "measured") continue;
        const headers = sessions[item.spec.as];
        item.result.c1 = await warmAndLoad(server, item.request, headers, 1, options.duration);
        item.result.c10 = await warmAndLoad(server, item.request, headers, 10, options.duration);
        item.result.ratio = ratioOf(item.result.c1.p50, ping.c1.p50, item.result.floor);
        console.log(`  ${size} ${item.spec.key.padEnd(18)} c=1 p50 ${item.result.c1.p50.toFixed(2)} ms, c=10 ${item.result.c10.rps.toFixed(0)} req/s`);
      }
      reports.push({
        date,
        size,
        slug: fixtures.slug,
        machine: { ...machine, loadAverageAtStart: machine.loadAverageAtStart },
        options: { duration: options.duration, floorRepetitions: options.floorRepetitions },
        fixtures: { ...fixtures },
        ping,
        pages: planned.map((item) => item.result),
        maxRssMb: 0,
      });
    }

    if (options.stability > 0) {
      const largest = reports.at(-1);
      const entry = largest ? bySize.get(largest.size as LargeSize) : undefined;
      if (largest && entry) {
        console.log(`Stability: c=10 for ${options.stability} s over a mix of the ${largest.size} pages …`);
        const sessions = await signInAll(server, entry.fixtures);
        const mix = entry.planned.filter((item) => item.result.status === "measured");
        largest.stability = await runStability(server, largest.size, mix.map((item) => ({ key: item.spec.key, request: item.request, headers: sessions[item.spec.as] })), options.stability);
      }
    }

    if (options.lighthouse) {
      const first = bySize.values().next().value;
      if (first) {
        const { runLighthouse } = await import("./lighthouse");
        const sessions = await signInAll(server, first.fixtures);
        const scores = await runLighthouse(server.origin, first.fixtures.slug, sessions.owner.cookie ?? "");
        for (const report of reports) (report as SizeReport & { lighthouse?: unknown }).lighthouse = scores;
      }
    }
  } finally {
    const samples = memory.stop();
    await server.stop();
    const maxRss = samples.length ? Math.max(...samples) : 0;
    for (const report of reports) {
      report.maxRssMb = Math.round(maxRss);
      report.machine.loadAverageAtEnd = loadavg().map((n) => Number(n.toFixed(2)));
    }
  }

  for (const report of reports) {
    console.log(`\n${report.slug} (${report.size}), ${report.date}, ${report.machine.cpus} cores, load average ${report.machine.loadAverageAtStart.join(" ")}:\n`);
    console.log(formatTable(report));
    console.log(`\nnext-server resident memory, max over the run: ${report.maxRssMb} MB`);
    if (report.stability) {
      const { load: run, maxRssMb, seconds } = report.stability;
      const problems = run.errors + run.timeouts + run.non2xx;
      console.log(`Stability, c=10 for ${seconds} s: ${run.requests} requests, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, ${problems} errors/timeouts/non-2xx, RSS max ${Math.round(maxRssMb)} MB`);
    }
    if (options.write) {
      const dir = join(process.cwd(), "bench", "results");
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${report.date}-${report.size}.json`);
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(join(dir, `${report.date}-${report.size}.md.tmp`), `${formatMarkdown(report)}\n`);
      console.log(`Wrote ${file}`);
    }
  }
  const growth = formatGrowth(reports);
  if (growth) console.log(`\nGrowth from ${reports[0]?.size} to ${reports.at(-1)?.size} (c=1 p50):\n\n${growth}`);
}

/** `--pool`: its own small database (the demo organisation), so no generated organisation is needed. */
async function poolOnly(options: BenchOptions): Promise<void> {
  if (options.build) {
    console.log("Building the production app (next build) …");
    await buildApp();
  } else if (!hasBuild()) {
    throw new Error("--no-build, but there is no .next build here: run without it once.");
  }
  const { runPoolBench } = await import("./pool");
  await runPoolBench({ seconds: options.poolSeconds, write: options.write });
}

/** `--stability-only`: the mixed c=10 run of the last size, after one probe of each page. */
async function stabilityOnly(url: string, options: BenchOptions): Promise<void> {
  const size = options.sizes.at(-1) as LargeSize;
  const fixtures = await loadFixtures(url, size);
  const server = await startApp({ databaseUrl: url });
  try {
    const sessions = await signInAll(server, fixtures);
    const mix = [];
    for (const spec of selectPages(options.pages)) {
      const request = spec.request(fixtures);
      const probe = await capture(server.origin, "/dev/null", request, sessions[spec.as]);
      if (probe.status >= 200 && probe.status < 300) mix.push({ key: spec.key, request, headers: sessions[spec.as] });
      else console.log(`  ${spec.key}: HTTP ${probe.status}, left out`);
    }
    console.log(`Stability: c=10 for ${options.stability} s over ${mix.map((entry) => entry.key).join(", ")} (${size}) …`);
    const result = await runStability(server, size, mix, options.stability);
    const { load: run } = result;
    console.log(
      `${run.requests} requests, ${run.rps.toFixed(1)} req/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, errors ${run.errors}, timeouts ${run.timeouts}, non-2xx ${run.non2xx}, RSS max ${result.maxRssMb} MB (${result.rssSamples} samples)`,
    );
    if (options.write) {
      const file = join(process.cwd(), "bench", "results", `${today()}-${size}-stability.json`);
      mkdirSync(join(process.cwd(), "bench", "results"), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ date: today(), machine: machineFacts(await postgresVersion(url)), ...result }, null, 2)}\n`);
      console.log(`Wrote ${file}`);
    }
  } finally {
    await server.stop();
  }
}

const options = parseBenchArguments(process.argv.slice(2));
if (typeof options === "string") {
  console.error(`${options}\n${usage}`);
  process.exit(2);
}
main(options).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
