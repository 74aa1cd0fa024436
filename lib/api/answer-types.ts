import type { z } from "zod";

/**
 * What `JSON.stringify` makes of a value of type T, as far as types can say: a Date is sent as its
 * ISO string (Date#toJSON), and so is every Date inside an object or array. The documented answer
 * schemas describe this, the JSON a client reads, not the objects the services hold in memory.
 */
export type AsJson<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? AsJson<Item>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;

/** Every field name of T, however deep, optional or not: what assignability alone lets differ. */
type FieldNames<T> = T extends readonly (infer Item)[] ? FieldNames<Item> : T extends object ? { [K in keyof T]-?: FieldNames<T[K]> } : true;

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * True when A and B accept exactly the same values (neither is wider) and name the same fields:
 * an optional field one of them lacks would pass assignability both ways.
 */
export type Same<A, B> = Mutual<A, B> extends true ? Mutual<FieldNames<A>, FieldNames<B>> : false;

/**
 * A schema that documents answers of type T: its output is exactly T's JSON. A type error here
 * names both shapes, so the documented answer cannot drift from the one the code returns.
 */
export type Documents<S extends z.ZodType, T> =
  Same<z.output<S>, AsJson<T>> extends true ? S : { "the schema's output differs from the JSON of": AsJson<T>; documented: z.output<S> };

/**
 * Checks at compile time that `schema` documents answers of type T, and returns it unchanged:
 * `documents<Team>()(teamSchema)`. Curried so that the schema's own type is inferred.
 */
export function documents<T>() {
  return <S extends z.ZodType>(schema: S & Documents<S, T>): S => schema;
}
