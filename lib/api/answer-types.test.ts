import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { catalogueEntry } from "@/lib/api/openapi";
import { route } from "@/lib/http";
import type { AsJson, Same } from "./answer-types";

// Type-level: `npm run check` (tsc) fails when these do; vitest runs the file for the entries it builds.
describe("answer types", () => {
  it("sends every Date as its ISO string, however deep", () => {
    expectTypeOf<AsJson<{ at: Date; seen: Date | null; list: ReadonlyArray<{ when: Date }>; n: number }>>().toEqualTypeOf<{
      at: string;
      seen: string | null;
      list: Array<{ when: string }>;
      n: number;
    }>();
  });

  it("calls types the same only when neither is wider", () => {
    expectTypeOf<Same<{ a: string }, { a: string }>>().toEqualTypeOf<true>();
    expectTypeOf<Same<{ a: string | null }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ a: "x" }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ a: string; extra?: number }, { a: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<{ list: Array<{ a: string; extra?: number }> }, { list: Array<{ a: string }> }>>().toEqualTypeOf<false>();
  });

  it("refuses a documented answer that is not the JSON of what the handler returns", () => {
    const GET = route({ access: "public" }, async (): Promise<{ at: Date; note: string | null }> => ({ at: new Date(), note: null }));
    const honest = catalogueEntry({
      path: "/api/example",
      tag: "Example",
      module: { GET },
      operations: { GET: { summary: "Dates as strings", response: z.object({ at: z.iso.datetime(), note: z.string().nullable() }) } },
    });
    catalogueEntry({
      path: "/api/example",
      tag: "Example",
      module: { GET },
      operations: {
        // @ts-expect-error the answer's `at` is an ISO string in JSON, and `note` may be null
        GET: { summary: "In-memory types", response: z.object({ at: z.date(), note: z.string() }) },
      },
    });
    catalogueEntry({
      path: "/api/example",
      tag: "Example",
      module: { GET },
      // @ts-expect-error every method the module exports needs its line and answer
      operations: {},
    });
    expect(honest.module.GET).toBe(GET);
  });
});
