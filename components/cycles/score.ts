import { SUCCESS_SCORE } from "@/lib/okr/progress";

/** Below success but more than this is real progress (0.4–0.6 in OKR practice); below it, missed. */
export const PARTIAL_SCORE = 0.4;

export type ScoreVerdict = "scoreSuccess" | "scorePartial" | "scoreMissed";

/** How a final score reads: 0.7 and up is success for a stretch goal. Keys of the "cycles" messages. */
export function scoreVerdict(score: number): ScoreVerdict {
  if (score >= SUCCESS_SCORE) return "scoreSuccess";
  if (score >= PARTIAL_SCORE) return "scorePartial";
  return "scoreMissed";
}

/** The semantic colour of a score: colour carries status. */
export function scoreTone(score: number): "text-success" | "text-warning" | "text-danger" {
  const verdict = scoreVerdict(score);
  return verdict === "scoreSuccess" ? "text-success" : verdict === "scorePartial" ? "text-warning" : "text-danger";
}
