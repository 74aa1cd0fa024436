import "server-only";
import { z } from "zod";
import { rowsOf } from "@/db/client";
import { confidences, keyResultDirections, keyResultUnits } from "@/lib/domain";
import { STATUSES } from "@/lib/okr/progress";

/**
 * The rows of a raw SQL statement (`tx.execute`), checked against a zod schema instead of cast:
 * a column renamed, retyped or left out fails here, loudly, rather than as `undefined` three
 * functions later. Drivers differ in what they hand back (postgres.js and PGlite give `numeric`
 * and `bigint` as strings, `json` as parsed values), so the column types below accept both.
 */
export function parseRows<S extends z.ZodType>(schema: S, result: unknown): Array<z.output<S>> {
  return z.array(schema).parse(rowsOf(result));
}

/** The single row of a statement that answers at most one; undefined without a row. */
export function parseRow<S extends z.ZodType>(schema: S, result: unknown): z.output<S> | undefined {
  return parseRows(schema, result)[0];
}

/** A number however the driver sends it (float8 as number, numeric or bigint as text). */
export const sqlNumber = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i)]).transform(Number);
/** The same, or null (an empty average, a missing row of a left join). */
export const sqlNumberOrNull = sqlNumber.nullable();
/** A count or sum that is absent when nothing was counted: 0. */
export const sqlCount = sqlNumber.nullish().transform((value) => value ?? 0);
/** A uuid, a name, a title. */
export const sqlText = z.string();
/** A `date` column read as text (`::text`), `YYYY-MM-DD`. */
export const sqlDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A boolean; null (no rows to judge) reads as false. */
export const sqlBoolean = z.boolean().nullish().transform((value) => value ?? false);
/** A key result's status (keyResultStatusSql) and a check-in's confidence. */
export const sqlStatus = z.enum(STATUSES);
export const sqlConfidence = z.enum(confidences);

/** The columns of KeyResultMeasureFields as raw SQL names them (unit, currency_code, unit_label, direction, start_value, target_value, current_value). */
export const sqlMeasureShape = {
  unit: z.enum(keyResultUnits),
  currency_code: sqlText.nullable(),
  unit_label: sqlText.nullable(),
  direction: z.enum(keyResultDirections),
  start_value: sqlText,
  target_value: sqlText,
  current_value: sqlText,
};

export function measureFieldsOf(row: z.output<z.ZodObject<typeof sqlMeasureShape>>) {
  return {
    unit: row.unit,
    currencyCode: row.currency_code,
    unitLabel: row.unit_label,
    direction: row.direction,
    startValue: row.start_value,
    targetValue: row.target_value,
    currentValue: row.current_value,
  };
}

/** A row that names one id. */
export const idRow = z.object({ id: sqlText });

/** A `json_agg` of rows, null when there were none. */
export const sqlJsonList = <S extends z.ZodType>(row: S) => z.array(row).nullish().transform((rows) => rows ?? []);
