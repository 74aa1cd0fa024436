import { describe, expect, it } from "vitest";
import {
  coachCodes,
  coachDraft,
  coachObjective,
  hasWarning,
  isKeyResultMeasurable,
  MAX_KEY_RESULTS,
  MAX_OBJECTIVES_PER_OWNER,
  MIN_KEY_RESULTS,
  sameDecimal,
  TITLE_MAX_CHARS,
  TITLE_MAX_WORDS,
  titleHasMetric,
  titleSize,
  type CoachContext,
  type CoachKeyResultInput,
  type CoachObjectiveInput,
} from "./coach";

const cycle = { startDate: "2026-10-01", endDate: "2026-12-31" };
const context: CoachContext = { cycle, ownerObjectiveCount: 1 };

let nextId = 0;
function kr(patch: Partial<CoachKeyResultInput> = {}): CoachKeyResultInput {
  nextId += 1;
  return {
    id: `kr-${nextId}`,
    title: "Reach 40 weekly active shops",
    direction: "increase",
    startValue: "10",
    targetValue: "40",
    dueDate: cycle.endDate,
    ...patch,
  };
}

function objective(patch: Partial<CoachObjectiveInput> = {}): CoachObjectiveInput {
  return { title: "Become the shop customers recommend", level: "company", parentObjectiveId: null, keyResults: [kr(), kr()], ...patch };
}

const codes = (input: CoachObjectiveInput, ctx: CoachContext = context) => coachObjective(input, ctx).map((w) => w.code);
const words = (n: number) => Array.from({ length: n }, () => "go").join(" ");

describe("coachObjective", () => {
  it("has nothing to say about a good objective, in English and Norwegian", () => {
    expect(coachObjective(objective(), context)).toEqual([]);
    expect(coachObjective(objective({ title: "Bli nettbutikken kundene anbefaler" }), context)).toEqual([]);
  });

  it("lists every code once, in a fixed order", () => {
    expect(new Set(coachCodes).size).toBe(8);
    const everything = objective({
      title: `${words(TITLE_MAX_WORDS)} and grow revenue 20 %`,
      level: "team",
      keyResults: [kr({ title: "Improve quality", dueDate: "2027-01-01" })],
    });
    expect(codes(everything, { cycle, ownerObjectiveCount: MAX_OBJECTIVES_PER_OWNER + 1 })).toEqual([
      "title_long",
      "title_has_metric",
      "too_few_key_results",
      "key_result_not_measurable",
      "key_result_due_outside_cycle",
      "owner_overloaded",
      "unaligned",
    ]);
  });

  describe("title_long", () => {
    it(`warns above ${TITLE_MAX_CHARS} characters, not at ${TITLE_MAX_CHARS}`, () => {
      const at = `Make ${"a".repeat(TITLE_MAX_CHARS - 15)} wonderful`;
      expect(at).toHaveLength(TITLE_MAX_CHARS);
      expect(codes(objective({ title: at }))).toEqual([]);
      expect(coachObjective(objective({ title: `${at}s` }), context)).toEqual([
        { code: "title_long", values: { chars: TITLE_MAX_CHARS + 1, words: 3, maxChars: TITLE_MAX_CHARS, maxWords: TITLE_MAX_WORDS } },
      ]);
    });

    it(`warns above ${TITLE_MAX_WORDS} words, not at ${TITLE_MAX_WORDS}`, () => {
      expect(codes(objective({ title: words(TITLE_MAX_WORDS) }))).toEqual([]);
      expect(codes(objective({ title: words(TITLE_MAX_WORDS + 1) }))).toEqual(["title_long"]);
    });

    it("counts Norwegian letters as one character each and ignores surrounding space", () => {
      const norwegian = `Bli ${"ø".repeat(TITLE_MAX_CHARS - 12)} på nett`;
      expect(titleSize(norwegian)).toEqual({ chars: TITLE_MAX_CHARS, words: 4 });
      expect(codes(objective({ title: `  ${norwegian}\t\n` }))).toEqual([]);
      expect(codes(objective({ title: `${norwegian}å` }))).toEqual(["title_long"]);
      expect(titleSize("Gjøre  kundene\tglade ")).toEqual({ chars: 20, words: 3 });
      expect(titleSize("   ")).toEqual({ chars: 0, words: 0 });
    });

    it("warns on a long Norwegian sentence", () => {
      const title = "Vi skal bli den nettbutikken som kundene våre anbefaler til venner og familie hver gang";
      expect(codes(objective({ title }))).toEqual(["title_long"]);
    });
  });

  describe("title_has_metric", () => {
    it.each([
      "Øke omsetningen med 20 %",
      "Grow revenue by 20%",
      "Double revenue in Q3",
      "Sell for NOK a lot more",
      "Selge for mer enn 5 MNOK",
      "Tjene mer kr på hver ordre",
      "Kr per kunde skal opp",
      "Earn more $ per customer",
      "Spend fewer € on ads",
      "Make £ from the UK",
      "Grow USD revenue",
      "Øke andelen i prosent",
      "Raise the conversion percent",
      "Promille ‰ feil",
    ])("finds a metric in %j", (title) => {
      expect(titleHasMetric(title)).toBe(true);
      expect(codes(objective({ title }))).toContain("title_has_metric");
    });

    it.each([
      "Bli nettbutikken kundene anbefaler",
      "Become the shop customers recommend",
      "Gjøre det nok en gang enda bedre",
      "Krydre kundereisen",
      "Bli kjent med kundene",
      "Make onboarding a delight",
      "Bli prosentvis bedre hver uke",
      "Euro-fans love our kroner design",
      "Åkr og eng",
    ])("finds no metric in %j", (title) => {
      expect(titleHasMetric(title)).toBe(false);
      expect(codes(objective({ title }))).toEqual([]);
    });
  });

  describe("key result count", () => {
    const many = (n: number) => Array.from({ length: n }, () => kr());

    it(`warns below ${MIN_KEY_RESULTS}, not at ${MIN_KEY_RESULTS}`, () => {
      expect(coachObjective(objective({ keyResults: [] }), context)).toEqual([
        { code: "too_few_key_results", values: { count: 0, min: MIN_KEY_RESULTS, max: MAX_KEY_RESULTS } },
      ]);
      expect(codes(objective({ keyResults: many(MIN_KEY_RESULTS - 1) }))).toEqual(["too_few_key_results"]);
      expect(codes(objective({ keyResults: many(MIN_KEY_RESULTS) }))).toEqual([]);
    });

    it(`warns above ${MAX_KEY_RESULTS}, not at ${MAX_KEY_RESULTS}`, () => {
      expect(codes(objective({ keyResults: many(MAX_KEY_RESULTS) }))).toEqual([]);
      expect(coachObjective(objective({ keyResults: many(MAX_KEY_RESULTS + 1) }), context)).toEqual([
        { code: "too_many_key_results", values: { count: MAX_KEY_RESULTS + 1, min: MIN_KEY_RESULTS, max: MAX_KEY_RESULTS } },
      ]);
    });
  });

  describe("key_result_not_measurable", () => {
    it("warns when an increase or decrease starts where it ends", () => {
      const flat = kr({ title: "Hold 40 shops", startValue: "40", targetValue: "40.000" });
      expect(coachObjective(objective({ keyResults: [kr(), flat] }), context)).toEqual([
        { code: "key_result_not_measurable", keyResultId: flat.id, values: { keyResult: "Hold 40 shops" } },
      ]);
      expect(codes(objective({ keyResults: [kr(), kr({ direction: "decrease", startValue: "5", targetValue: "5" })] }))).toEqual([
        "key_result_not_measurable",
      ]);
      expect(codes(objective({ keyResults: [kr(), kr({ direction: "decrease", startValue: "10", targetValue: "5" })] }))).toEqual([]);
    });

    it("warns when an increase or decrease names no number", () => {
      expect(codes(objective({ keyResults: [kr(), kr({ title: "Improve customer satisfaction" })] }))).toEqual(["key_result_not_measurable"]);
      expect(codes(objective({ keyResults: [kr(), kr({ title: "Redusere kundefrafallet", direction: "decrease" })] }))).toEqual([
        "key_result_not_measurable",
      ]);
      expect(codes(objective({ keyResults: [kr(), kr({ title: "Redusere kundefrafallet fra 10 % til 5 %", direction: "decrease" })] }))).toEqual([]);
    });

    it("accepts milestones and thresholds, which always have a target", () => {
      const milestone = kr({ title: "Launch the new checkout", direction: "milestone", startValue: "0", targetValue: "1" });
      const above = kr({ title: "Keep uptime high", direction: "stay_above", startValue: "99.9", targetValue: "99.9" });
      const below = kr({ title: "Hold svartiden nede", direction: "stay_below", startValue: "0", targetValue: "0" });
      expect(codes(objective({ keyResults: [milestone, above, below] }))).toEqual([]);
    });

    it("warns once per key result", () => {
      const a = kr({ title: "Improve quality" });
      const b = kr({ title: "Forbedre kvaliteten" });
      expect(coachObjective(objective({ keyResults: [a, b] }), context).map((w) => w.keyResultId)).toEqual([a.id, b.id]);
    });
  });

  describe("key_result_due_outside_cycle", () => {
    it("warns before the start and after the end, not on either day", () => {
      const early = kr({ dueDate: "2026-09-30" });
      const late = kr({ dueDate: "2027-01-01" });
      expect(codes(objective({ keyResults: [kr({ dueDate: cycle.startDate }), kr({ dueDate: cycle.endDate })] }))).toEqual([]);
      expect(coachObjective(objective({ keyResults: [early, late] }), context)).toEqual([
        {
          code: "key_result_due_outside_cycle",
          keyResultId: early.id,
          values: { keyResult: early.title, dueDate: "2026-09-30", cycleStart: cycle.startDate, cycleEnd: cycle.endDate },
        },
        {
          code: "key_result_due_outside_cycle",
          keyResultId: late.id,
          values: { keyResult: late.title, dueDate: "2027-01-01", cycleStart: cycle.startDate, cycleEnd: cycle.endDate },
        },
      ]);
    });
  });

  describe("owner_overloaded", () => {
    it(`warns above ${MAX_OBJECTIVES_PER_OWNER} objectives in the cycle, not at ${MAX_OBJECTIVES_PER_OWNER}`, () => {
      expect(codes(objective(), { cycle, ownerObjectiveCount: MAX_OBJECTIVES_PER_OWNER })).toEqual([]);
      expect(coachObjective(objective(), { cycle, ownerObjectiveCount: MAX_OBJECTIVES_PER_OWNER + 1 })).toEqual([
        { code: "owner_overloaded", values: { count: MAX_OBJECTIVES_PER_OWNER + 1, max: MAX_OBJECTIVES_PER_OWNER } },
      ]);
    });
  });

  describe("unaligned", () => {
    it("warns for team and individual objectives aligned to nothing", () => {
      expect(codes(objective({ level: "team" }))).toEqual(["unaligned"]);
      expect(codes(objective({ level: "individual" }))).toEqual(["unaligned"]);
      expect(codes(objective({ level: "team", parentObjectiveId: "parent" }))).toEqual([]);
      expect(codes(objective({ level: "individual", parentObjectiveId: "parent" }))).toEqual([]);
    });

    it("leaves company objectives alone: they are the top", () => {
      expect(codes(objective({ level: "company" }))).toEqual([]);
    });
  });
});

describe("coachDraft", () => {
  it("checks the title as people type", () => {
    expect(coachDraft({ title: "", level: "company" })).toEqual([]);
    expect(coachDraft({ title: "Bli nettbutikken kundene anbefaler", level: "company" })).toEqual([]);
    expect(coachDraft({ title: "Øke omsetningen med 20 %", level: "company" }).map((w) => w.code)).toEqual(["title_has_metric"]);
    expect(coachDraft({ title: words(TITLE_MAX_WORDS + 1), level: "company" }).map((w) => w.code)).toEqual(["title_long"]);
  });

  it("checks alignment only when the form knows it", () => {
    expect(coachDraft({ title: "Delight new customers", level: "team" })).toEqual([]);
    expect(coachDraft({ title: "Delight new customers", level: "team", aligned: false })).toEqual([{ code: "unaligned" }]);
    expect(coachDraft({ title: "Delight new customers", level: "team", aligned: true })).toEqual([]);
    expect(coachDraft({ title: "Delight new customers", level: "company", aligned: false })).toEqual([]);
  });
});

describe("helpers", () => {
  it("compares decimals exactly", () => {
    expect(sameDecimal("10", "10.000")).toBe(true);
    expect(sameDecimal("010.50", "10.5")).toBe(true);
    expect(sameDecimal("-0", "0.00")).toBe(true);
    expect(sameDecimal("0.1", ".1")).toBe(true);
    expect(sameDecimal("-5", "5")).toBe(false);
    expect(sameDecimal("12345678901234567890.1", "12345678901234567890.2")).toBe(false);
  });

  it("reads measurability and finds codes", () => {
    expect(isKeyResultMeasurable({ title: "Reach 10", direction: "increase", startValue: "0", targetValue: "10" })).toBe(true);
    expect(hasWarning([{ code: "unaligned" }], "unaligned")).toBe(true);
    expect(hasWarning([{ code: "unaligned" }], "title_long")).toBe(false);
  });
});
