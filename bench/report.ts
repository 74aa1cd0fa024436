import { cpus, loadavg, totalmem } from "node:os";
import type { SqlFloor } from "./floor";
import type { LoadResult } from "./load";
import type { Growth } from "./pages";
import { round } from "./stats";

export type PageStatus = "measured" | "not available" | "error";

export interface PageResult {
  key: string;
  label: string;
  path: string;
  method: string;
  as: string;
  growth: Growth;
  status: PageStatus;
  /** HTTP status of the probe when the page was not measured. */
  httpStatus?: number;
  statements?: number;
  transactions?: number;
  /** Each statement's text, in order (parameters are in the floor's slowest list only). */
  queries?: string[];
  c1?: LoadResult;
  c10?: LoadResult;
  floor?: SqlFloor;
  /** c=1 p50 / (bare route c=1 p50 + SQL floor p50). */
  ratio?: number | null;
}

export interface StabilityResult {
  size: string;
  seconds: number;
  connections: number;
  pages: string[];
  load: LoadResult;
  maxRssMb: number;
  rssSamples: number;
}

export interface SizeReport {
  date: string;
  size: string;
  slug: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  options: { duration: number; floorRepetitions: number };
  fixtures: Record<string, unknown>;
  ping: { c1: LoadResult; c10: LoadResult };
  pages: PageResult[];
  /** The measuring server's largest resident memory over the whole run, in MB. */
  maxRssMb: number;
  stability?: StabilityResult;
}

export function machineFacts(postgresVersion: string): SizeReport["machine"] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: postgresVersion,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
  };
}

const ms = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? "–" : value < 10 ? value.toFixed(2) : value.toFixed(1));

interface Row {
  page: string;
  c: string;
  p50: string;
  p99: string;
  rps: string;
  statements: string;
  floor: string;
  ratio: string;
}

function rows(report: SizeReport): Row[] {
  const out: Row[] = [];
  for (const [c, run] of [["1", report.ping.c1], ["10", report.ping.c10]] as const) {
    out.push({ page: "bare route (/api/ping)", c, p50: ms(run.p50), p99: ms(run.p99), rps: run.rps.toFixed(0), statements: "0", floor: "", ratio: "" });
  }
  for (const page of report.pages) {
    if (page.status !== "measured") {
      out.push({ page: page.label, c: "", p50: page.status, p99: page.httpStatus ? `HTTP ${page.httpStatus}` : "", rps: "", statements: "", floor: "", ratio: "" });
      continue;
    }
    for (const [c, run] of [["1", page.c1], ["10", page.c10]] as const) {
      if (!run) continue;
      const first = c === "1";
      const errors = run.errors + run.timeouts + run.non2xx;
      out.push({
        page: first ? page.label : "",
        c,
        p50: ms(run.p50),
        p99: ms(run.p99),
        rps: `${run.rps.toFixed(0)}${errors ? ` (${errors} err)` : ""}`,
        statements: first ? `${page.statements} (${page.transactions} tx)` : "",
        floor: first ? (page.floor?.error ? "replay failed" : ms(page.floor?.p50)) : "",
        ratio: first && page.ratio !== null && page.ratio !== undefined ? `${page.ratio.toFixed(2)}×` : "",
      });
    }
  }
  return out;
}

const header: Row = { page: "page", c: "c", p50: "p50 ms", p99: "p99 ms", rps: "req/s", statements: "SQL statements", floor: "floor p50 ms", ratio: "ratio" };
const columns = Object.keys(header) as Array<keyof Row>;
const rightAligned = new Set<keyof Row>(["c", "p50", "p99", "rps", "floor", "ratio"]);

export function formatTable(report: SizeReport): string {
  const all = [header, ...rows(report)];
  const widths = columns.map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: Row) => columns.map((column, i) => (rightAligned.has(column) ? row[column].padStart(widths[i] ?? 0) : row[column].padEnd(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows(report).map(line)].join("\n");
}

export function formatMarkdown(report: SizeReport): string {
  const line = (row: Row) => `| ${columns.map((column) => row[column]).join(" | ")} |`;
  const align = `|${columns.map((column) => (rightAligned.has(column) ? " ---: " : " --- ")).join("|")}|`;
  return [line(header), align, ...rows(report).map(line)].join("\n");
}

/** S → XL (or the smallest → largest size measured): how much each page's c=1 p50 grew. */
export function formatGrowth(reports: readonly SizeReport[]): string | null {
  if (reports.length < 2) return null;
  const small = reports[0] as SizeReport;
  const large = reports.at(-1) as SizeReport;
  const limits: Record<Growth, number | null> = { paged: 1.5, dashboard: 3, none: null };
  const lines = [`| page | p50 ${small.size} | p50 ${large.size} | growth | target | statements ${small.size} → ${large.size} |`, "| --- | ---: | ---: | ---: | --- | --- |"];
  for (const page of small.pages) {
    const other = large.pages.find((candidate) => candidate.key === page.key);
    if (page.status !== "measured" || other?.status !== "measured" || !page.c1 || !other.c1) continue;
    const growth = other.c1.p50 / page.c1.p50;
    const limit = limits[page.growth];
    const verdict = limit === null ? "–" : `< ${limit}× ${growth < limit ? "met" : "NOT met"}`;
    const same = page.statements === other.statements ? "same" : "DIFFERENT";
    lines.push(`| ${page.label} | ${ms(page.c1.p50)} | ${ms(other.c1.p50)} | ${growth.toFixed(2)}× | ${verdict} | ${page.statements} → ${other.statements} (${same}) |`);
  }
  return lines.join("\n");
}

export function ratioOf(pageP50: number, pingP50: number, floor: SqlFloor | undefined): number | null {
  if (!floor || floor.error || !Number.isFinite(floor.p50)) return null;
  return round(pageP50 / (pingP50 + floor.p50), 3);
}
