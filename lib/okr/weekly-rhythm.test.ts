import { describe, expect, it } from "vitest";
import { addDays, DEFAULT_DIGEST, DEFAULT_REMINDER, dueEscalation, dueWeeklyRun, escalationDayIndex, isTimeZone, localInstant, localWeekStart, runsPassedAtCreation } from "./weekly-rhythm";

const oslo = "Europe/Oslo";
const at = (iso: string) => new Date(iso);

describe("the local week", () => {
  it("starts on the local Monday, which is not the UTC one near midnight", () => {
    // Sunday 23:30 in UTC is already Monday 00:30 in Oslo.
    expect(localWeekStart(at("2026-03-22T23:30:00Z"), oslo)).toBe("2026-03-23");
    expect(localWeekStart(at("2026-03-22T23:30:00Z"), "UTC")).toBe("2026-03-16");
    expect(localWeekStart(at("2026-03-29T12:00:00Z"), oslo)).toBe("2026-03-23");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  });

  it("places a local time on the right instant on both sides of daylight saving", () => {
    expect(localInstant("2026-03-23", 5, 13 * 60, oslo).toISOString()).toBe("2026-03-27T12:00:00.000Z");
    expect(localInstant("2026-03-30", 5, 13 * 60, oslo).toISOString()).toBe("2026-04-03T11:00:00.000Z");
    expect(localInstant("2026-10-19", 5, 13 * 60, oslo).toISOString()).toBe("2026-10-23T11:00:00.000Z");
    expect(localInstant("2026-10-26", 5, 13 * 60, oslo).toISOString()).toBe("2026-10-30T12:00:00.000Z");
    expect(localInstant("2026-03-23", 8, 8 * 60, "America/New_York").toISOString()).toBe("2026-03-30T12:00:00.000Z");
  });

  it("knows IANA time zones and refuses others", () => {
    expect(isTimeZone("Europe/Oslo")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

describe("the reminder is due", () => {
  it("at 13:00 Oslo time on Friday and not a minute before, in winter and in summer", () => {
    expect(dueWeeklyRun(at("2026-03-27T11:59:00Z"), DEFAULT_REMINDER, oslo, null)).toBeNull();
    expect(dueWeeklyRun(at("2026-03-27T12:00:00Z"), DEFAULT_REMINDER, oslo, null)?.week).toBe("2026-03-23");
    // After the clocks went forward on 29 March, 13:00 is 11:00 UTC.
    expect(dueWeeklyRun(at("2026-04-03T10:59:00Z"), DEFAULT_REMINDER, oslo, "2026-03-23")).toBeNull();
    expect(dueWeeklyRun(at("2026-04-03T11:00:00Z"), DEFAULT_REMINDER, oslo, "2026-03-23")).toEqual({ week: "2026-03-30", at: at("2026-04-03T11:00:00Z") });
  });

  it("once per week: not again after it ran, and not for a week whose moment was missed", () => {
    expect(dueWeeklyRun(at("2026-04-03T15:00:00Z"), DEFAULT_REMINDER, oslo, "2026-03-30")).toBeNull();
    // Saturday, not yet run this week: a late run still reminds for this week.
    expect(dueWeeklyRun(at("2026-04-04T09:00:00Z"), DEFAULT_REMINDER, oslo, "2026-03-23")?.week).toBe("2026-03-30");
    // Monday of the next week: last week's is not caught up, and this week's is not due yet.
    expect(dueWeeklyRun(at("2026-04-06T09:00:00Z"), DEFAULT_REMINDER, oslo, "2026-03-23")).toBeNull();
  });
});

describe("the team leads' follow-up", () => {
  it("comes on the next weekday after the reminder", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(escalationDayIndex)).toEqual([2, 3, 4, 5, 8, 8, 8]);
  });

  it("after a Friday reminder: Monday at the same local time, about the week before", () => {
    expect(dueEscalation(at("2026-03-30T10:59:00Z"), DEFAULT_REMINDER, oslo, null)).toBeNull();
    // Monday 30 March is already summer time: 13:00 is 11:00 UTC.
    expect(dueEscalation(at("2026-03-30T11:00:00Z"), DEFAULT_REMINDER, oslo, null)).toEqual({ week: "2026-03-23", at: at("2026-03-30T11:00:00Z") });
    expect(dueEscalation(at("2026-03-31T08:00:00Z"), DEFAULT_REMINDER, oslo, "2026-03-23")).toBeNull();
    // Not a week late.
    expect(dueEscalation(at("2026-04-05T12:00:00Z"), DEFAULT_REMINDER, oslo, null)).toBeNull();
  });
});

describe("a new organisation", () => {
  it("counts this week's runs that passed before it existed as done, and keeps those still to come", () => {
    // Wednesday 9 December 2026, noon in Oslo: Monday's digest and the follow-up of last week's reminder have passed, Friday's reminder has not.
    const wednesday = new Date("2026-12-09T11:00:00Z");
    expect(runsPassedAtCreation(wednesday, DEFAULT_REMINDER, DEFAULT_DIGEST, oslo)).toEqual({ remindersRanFor: null, escalationRanFor: "2026-11-30", digestRanFor: "2026-12-07" });
    expect(dueWeeklyRun(wednesday, DEFAULT_DIGEST, oslo, "2026-12-07")).toBeNull();
    expect(dueWeeklyRun(new Date("2026-12-11T12:00:00Z"), DEFAULT_REMINDER, oslo, null)).toEqual({ week: "2026-12-07", at: new Date("2026-12-11T12:00:00Z") });
  });

  it("created after Friday's reminder gets neither it nor Monday's follow-up about that week", () => {
    const saturday = new Date("2026-12-12T10:00:00Z");
    const runs = runsPassedAtCreation(saturday, DEFAULT_REMINDER, DEFAULT_DIGEST, oslo);
    expect(runs).toEqual({ remindersRanFor: "2026-12-07", escalationRanFor: "2026-12-07", digestRanFor: "2026-12-07" });
    expect(dueEscalation(new Date("2026-12-14T12:30:00Z"), DEFAULT_REMINDER, oslo, runs.escalationRanFor)).toBeNull();
  });
});
