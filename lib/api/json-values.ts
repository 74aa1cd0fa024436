import { z } from "zod";

/**
 * How values look in an answer once sent as JSON, for the answer schemas beside the services'
 * types (they document /api/openapi.json; lib/api/answer-types.ts checks them against the types).
 */

/** A row's id: Postgres makes them with gen_random_uuid(). */
export const idJson = z.uuid();
/** A Date in memory, sent as Date#toJSON writes it: UTC with milliseconds. */
export const timestampJson = z.iso.datetime();
/** A `date` column: YYYY-MM-DD. */
export const dayJson = z.iso.date();
/** A `numeric` column, kept exact as a string ("2400000.25"). */
export const decimalJson = z.string().regex(/^-?\d+(\.\d+)?$/);

/** A row just made, by its id (an objective, a key result, a team). */
export const createdRowJson = z.object({ id: idJson });

/** A write with nothing more to say (lib/http.ts OK). */
export const okJson = z.object({ ok: z.literal(true) });
/** A write after which a browser goes to another page. */
export const redirectJson = z.object({ redirectTo: z.string() });
