"use client";

import { z } from "zod";
import type { WeeklyCheckInEntry } from "@/lib/validation/check-ins";

/**
 * What someone typed on My week and has not saved yet, kept in this browser (localStorage), so a
 * dropped connection, a closed tab or a phone that sleeps loses nothing. `pending`: they pressed
 * save while offline, and it is sent as soon as the browser is back online.
 */
export interface CheckInDraft {
  pending: boolean;
  entries: MyWeekEntry[];
}

/**
 * An entry as My week sends it: the value as typed, and no confidence when none is chosen (the
 * server's message then names the row).
 */
export type MyWeekEntry = Omit<WeeklyCheckInEntry, "value" | "confidence"> & { value: string; confidence?: WeeklyCheckInEntry["confidence"] };

const draftSchema = z.object({
  pending: z.boolean(),
  entries: z.array(z.object({ keyResultId: z.string(), value: z.string(), confidence: z.string().optional(), note: z.string().optional() })),
});

const PREFIX = "retning:my-week:";

/** One draft per person and organisation on a device. */
export const draftKey = (orgSlug: string, userId: string) => `${PREFIX}${orgSlug}:${userId}`;

export function loadDraft(key: string): CheckInDraft | null {
  try {
    const stored = window.localStorage.getItem(key);
    if (!stored) return null;
    const parsed = draftSchema.safeParse(JSON.parse(stored));
    // Confidence is checked again by the server; here it only has to be what the form can show.
    if (!parsed.success || parsed.data.entries.length === 0) return null;
    const entries = parsed.data.entries.map(({ confidence, ...entry }): MyWeekEntry => {
      const known = toConfidence(confidence);
      return known ? { ...entry, confidence: known } : entry;
    });
    return { ...parsed.data, entries };
  } catch {
    return null;
  }
}

export function storeDraft(key: string, draft: CheckInDraft): void {
  try {
    if (draft.entries.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the form still works, it just cannot keep a copy.
  }
}

export function dropDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}

/** Signing out leaves nothing typed on a shared device. */
export function dropAllDrafts(): void {
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

const confidences = ["on_track", "at_risk", "off_track"] as const;
function toConfidence(value: string | undefined): WeeklyCheckInEntry["confidence"] | undefined {
  return confidences.find((confidence) => confidence === value);
}
