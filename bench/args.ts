import { largeSizes, parseSize, type LargeSize } from "@/db/seed/large/sizes";

export interface BenchOptions {
  sizes: LargeSize[];
  /** Seconds of load per page and concurrency. */
  duration: number;
  /** Seconds of the mixed c=10 stability run; 0 skips it. */
  stability: number;
  build: boolean;
  /** Drop and regenerate each size's organisation (as of today) before measuring. */
  reseed: boolean;
  lighthouse: boolean;
  /** Only the pages whose key contains one of these (all when empty). */
  pages: string[];
  /** Repetitions of each page's SQL for the floor. */
  floorRepetitions: number;
  /** Write results/<date>-<size>.json (off for a quick look). */
  write: boolean;
  /** Only the stability run (of the last size), without recording, floors or per-page load. */
  stabilityOnly: boolean;
  /** Only the two-instance run: nginx and PgBouncer beside one instance (bench/pool.ts). */
  pool: boolean;
  /** Seconds of each c=20 run of --pool. */
  poolSeconds: number;
}

export const usage = `Usage: npm run bench -- [--size ${largeSizes.join("|")}]... [--duration 10] [--stability 60]
       [--no-build] [--reseed] [--lighthouse] [--page KEY]... [--floor-reps 200] [--no-write]
       [--stability-only --stability 60] [--pool [--pool-seconds 60]]`;

const defaults: BenchOptions = {
  sizes: [],
  duration: 10,
  stability: 0,
  build: true,
  reseed: false,
  lighthouse: false,
  pages: [],
  floorRepetitions: 200,
  write: true,
  stabilityOnly: false,
  pool: false,
  poolSeconds: 60,
};

function positive(raw: string, flag: string, allowZero = false): number | string {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) return `${flag} needs a ${allowZero ? "non-negative" : "positive"} number, not "${raw}".`;
  return value;
}

/** `--size L --size=S --duration 5 --no-build`; a string is an error message. */
export function parseBenchArguments(args: readonly string[]): BenchOptions | string {
  const options: BenchOptions = { ...defaults, sizes: [], pages: [] };
  for (let i = 0; i < args.length; i++) {
    const [flag = "", inline] = (args[i] ?? "").split("=", 2);
    const value = () => inline ?? args[++i] ?? "";
    switch (flag) {
      case "--size": {
        const raw = value();
        const size = parseSize(raw);
        if (!size) return `Unknown size "${raw}" (${largeSizes.join(", ")}).`;
        if (!options.sizes.includes(size)) options.sizes.push(size);
        break;
      }
      case "--duration":
      case "--stability":
      case "--floor-reps":
    case "--pool-seconds": {
        const parsed = positive(value(), flag, flag === "--stability");
        if (typeof parsed === "string") return parsed;
        if (flag === "--duration") options.duration = parsed;
        else if (flag === "--stability") options.stability = parsed;
        else if (flag === "--pool-seconds") options.poolSeconds = parsed;
        else options.floorRepetitions = Math.round(parsed);
        break;
      }
      case "--page":
        options.pages.push(value());
        break;
      case "--no-build":
        options.build = false;
        break;
      case "--reseed":
        options.reseed = true;
        break;
      case "--lighthouse":
        options.lighthouse = true;
        break;
      case "--no-write":
        options.write = false;
        break;
      case "--pool":
        options.pool = true;
        break;
      case "--stability-only":
        options.stabilityOnly = true;
        break;
      case "--":
        break;
      default:
        return `Unknown argument "${args[i]}".`;
    }
  }
  if (options.sizes.length === 0) options.sizes = ["L"];
  if (options.stabilityOnly && options.stability === 0) return "--stability-only needs --stability N.";
  return options;
}
