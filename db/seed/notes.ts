import type { Confidence } from "@/db/schema/enums";
import { pick, type Random } from "./random";

/**
 * Short check-in notes, in English and Norwegian as a Norwegian team writes them. A key result's own
 * notes (demo-data.ts) win over these; many check-ins have no note at all, as in real life.
 */
const pools: Record<Confidence, readonly [string, ...string[]]> = {
  on_track: [
    "Steady week.",
    "On track, nothing new to report.",
    "Good momentum after the newsletter went out.",
    "Trenden holder seg, fornøyd så langt.",
    "Bra uke, god fremdrift.",
    "Numbers pulled from the dashboard Monday morning.",
    "Small win: the A/B test paid off.",
    "Jevn fremgang.",
    "Moving in the right direction, as planned.",
    "Som forventet denne uka.",
    "Better than last week. Keeping the same plan.",
    "Alt går etter planen.",
    "Quiet week, but the trend is good.",
    "Fikk god hjelp fra Platform, takk!",
  ],
  at_risk: [
    "Slower than planned. Will know more next week.",
    "Behind the line, but we have a plan to catch up.",
    "Litt bak skjema, vi prioriterer dette neste uke.",
    "Waiting on a dependency from another team.",
    "Usikkert om vi når målet, følger med.",
    "Holiday week, fewer hands on deck.",
    "Two people out sick, picking it up again Monday.",
    "Vi trenger et par gode uker nå.",
    "The trend is flat. Trying a different channel next.",
  ],
  off_track: [
    "Not moving. Need to rethink the approach.",
    "Vi når ikke dette uten hjelp, tar det opp på mandagsmøtet.",
    "Off track. Proposing a smaller target in the review.",
    "Blocked, escalated to the team lead.",
    "Dette går feil vei, må finne ut hvorfor.",
    "The target was too ambitious for this quarter, honestly.",
    "No progress this week; other work took priority.",
  ],
};

/** How often a check-in says nothing beyond its number. */
const SILENT_SHARE = 0.45;

export function checkInNote(random: Random, confidence: Confidence, ownNote: string | undefined): string {
  if (ownNote !== undefined) return ownNote;
  if (random() < SILENT_SHARE) return "";
  return pick(random, pools[confidence]);
}
